using System.Globalization;
using Fashen.Catalogue.Diagnostics;
using Fashen.Catalogue.Yaml;
using Fashen.Engine.Calendar;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Calendar;

/// <summary>Reads the official holiday arrangements (holidays.yaml) into a <see cref="WorkingCalendar"/>.</summary>
/// <remarks>
/// The file lists, per year, the notice it comes from, the rest days and the make-up working days:
/// <code>
/// years:
///   2026:
///     source: 国务院办公厅关于2026年部分节假日安排的通知
///     rest_days: [2026-01-01, …]
///     makeup_workdays: [2026-01-04, …]
/// </code>
/// </remarks>
public static class HolidayCalendarLoader
{
    private static readonly string[] RootKeys = ["years"];
    private static readonly string[] YearKeys = ["source", "rest_days", "makeup_workdays"];

    /// <summary>Reads a calendar from a file's text.</summary>
    /// <param name="source">The file.</param>
    /// <returns>The calendar, or every diagnostic found.</returns>
    public static Result<WorkingCalendar> Load(SourceText source)
    {
        var all = new List<Diagnostic>();
        if (YamlTreeReader.ReadMapping(source, "节假日安排", all) is not { } mapping)
        {
            return Result<WorkingCalendar>.Failure(all);
        }

        var years = new List<HolidayArrangement>();
        var reader = new MappingReader(mapping, RootKeys, all);
        if (reader.Map("years", required: true, "各年的放假安排") is { } yearsNode)
        {
            foreach (var (yearNode, body) in yearsNode.Entries)
            {
                if (ReadYear(yearNode, body, all) is { } year)
                {
                    years.Add(year);
                }
            }
        }

        return all.Any(d => d.IsError)
            ? Result<WorkingCalendar>.Failure(all)
            : Result<WorkingCalendar>.Success(new WorkingCalendar(years), all);
    }

    private static HolidayArrangement? ReadYear(YamlScalar yearNode, YamlNode body, List<Diagnostic> diagnostics)
    {
        if (!int.TryParse(yearNode.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1949 or > 9999)
        {
            diagnostics.Add(CatalogueDiagnostics.WrongShape(yearNode.Span, "years", "四位数年份", $"“{yearNode.Value}”"));
            return null;
        }

        if (body is not YamlMapping mapping)
        {
            diagnostics.Add(CatalogueDiagnostics.WrongShape(body.Span, yearNode.Value, "映射（source、rest_days、makeup_workdays）", body.KindName));
            return null;
        }

        var reader = new MappingReader(mapping, YearKeys, diagnostics);
        var source = reader.Text("source", required: true, "放假安排的出处（通知名称或文号）");
        var rest = Dates(reader, "rest_days", "放假日期", year, diagnostics);
        var makeup = Dates(reader, "makeup_workdays", "调休上班日期", year, diagnostics);
        foreach (var (date, node) in makeup)
        {
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                diagnostics.Add(CatalogueDiagnostics.CalendarInconsistent(node.Span, $"调休上班日 {Formatting(date)} 是工作日（{Weekday(date)}），调休上班日只能是周六或周日。"));
            }

            if (rest.Any(r => r.Date == date))
            {
                diagnostics.Add(CatalogueDiagnostics.CalendarInconsistent(node.Span, $"{Formatting(date)} 同时列为放假日和调休上班日。"));
            }
        }

        return source is null
            ? null
            : new HolidayArrangement(year, source, rest.Select(r => r.Date).ToHashSet(), makeup.Select(m => m.Date).ToHashSet());
    }

    private static List<(DateOnly Date, YamlScalar Node)> Dates(MappingReader reader, string key, string meaning, int year, List<Diagnostic> diagnostics)
    {
        var dates = new List<(DateOnly, YamlScalar)>();
        foreach (var node in reader.TextList(key, required: true, meaning, nonEmpty: false) ?? [])
        {
            if (!DateOnly.TryParseExact(node.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                diagnostics.Add(CatalogueDiagnostics.InvalidDate(node.Span, node.Value));
            }
            else if (date.Year != year)
            {
                diagnostics.Add(CatalogueDiagnostics.CalendarInconsistent(node.Span, $"{node.Value} 不属于 {year} 年，请放到对应年份下。"));
            }
            else
            {
                dates.Add((date, node));
            }
        }

        return dates;
    }

    private static string Formatting(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        _ => "周五",
    };
}
