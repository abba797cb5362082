using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Fashen.Api.Contracts;
using Fashen.Catalogue.Loading;
using Fashen.Engine.Figures;
using Fashen.Engine.Reviews;
using Fashen.ReviewUi.Figures;
using Fashen.ReviewUi.Spreadsheets;
using Fashen.Store;

namespace Fashen.Cli.Commands;

/// <summary><c>fashen figures --year 2026</c>: a year's figures (统计年报) from the record, in a data folder or in the PostgreSQL
/// database the environment names — the same figures the public site shows for a year that is over, for any year, so anyone
/// holding the record can check them.</summary>
internal static class FiguresCommand
{
    public static Command Create(CliContext context)
    {
        var year = new Option<int?>("--year") { Description = "年度；默认为上一年度" };
        var data = new Option<string>("--data") { Description = "数据文件夹（使用 PostgreSQL 时由环境变量 Fashen__Store、Fashen__PostgreSql 指定数据库）", DefaultValueFactory = _ => ".fashen-data" };
        var catalogues = new Option<string>("--catalogues") { Description = "目录清单所在的文件夹：部门和条目的名称、节假日安排（计算审核用时）", DefaultValueFactory = _ => "samples/catalogues" };
        var xlsx = new Option<string?>("--xlsx") { Description = "另写 Excel 电子表格（.xlsx）到此文件" };
        var format = new Option<string>("--format") { Description = "输出格式：text（默认）或 json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("figures", "按全过程记录计算一个年度的统计（统计年报）：执法决定、重大执法决定及其原因、审核、补正和延期、审核用时、公开和撤回。")
        {
            year, data, catalogues, xlsx, format,
        };
        command.SetAction(result => Run(
            context, result.GetValue(year), result.GetValue(data)!, result.GetValue(catalogues)!, result.GetValue(xlsx), result.GetValue(format) == "json"));
        return command;
    }

    public static int Run(CliContext context, int? yearGiven, string dataFolder, string cataloguesPath, string? xlsxPath, bool json)
    {
        var options = new ReviewOptions();
        var year = yearGiven ?? (ReviewOptions.LocalDay(context.Clock.GetUtcNow(), options.TimeZone).Year - 1);
        if (year is < 2000 or > 9999)
        {
            context.Error.WriteLine($"命令行错误：--year 的值 {year} 不是有效年度。");
            return CliApplication.UsageError;
        }

        var workspace = CatalogueWorkspace.Load([cataloguesPath], baseDirectory: context.WorkingDirectory);
        var set = workspace.ToCatalogueSet();
        if (workspace.Calendar?.For(year) is null)
        {
            context.Error.WriteLine($"提示：节假日安排中没有 {year} 年，审核用时不计算。");
        }

        var settings = DataStore.Settings(context, dataFolder);
        if (settings.Kind == StoreKind.LiteDb && !File.Exists(Path.Combine(settings.DataFolder, LiteDbStore.FileName)))
        {
            context.Error.WriteLine($"数据文件夹“{dataFolder}”中没有记录（{LiteDbStore.FileName}）。");
            return CliApplication.Failure;
        }

        IReadOnlyList<YearlyFigures> figures;
        try
        {
            using var store = settings.Open();
            figures = YearlyFiguresCounter.Compute(store.ReadAll(), year, workspace.Calendar, options.TimeZone);
        }
        catch (DataFolderInUseException exception)
        {
            context.Error.WriteLine($"{exception.Message}服务运行时，年度统计见 /public/figures/{year}（该年结束后）。");
            return CliApplication.Failure;
        }

        var report = YearlyReport.Of(year, figures, set);
        if (xlsxPath is not null)
        {
            var file = context.Resolve(xlsxPath);
            using (var stream = File.Create(file))
            {
                Workbook.WriteAsync(stream, report.ToSheets()).GetAwaiter().GetResult();
            }

            context.Error.WriteLine($"已写入 {file}");
        }

        context.Output.Write(json ? JsonSerializer.Serialize(figures, ReadableJson.Options) + "\n" : Text(report));
        return CliApplication.Success;
    }

    private static string Text(YearlyReport report)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Year} 年度统计（按全过程记录，截至 {report.Year} 年 12 月 31 日）");
        if (report.Departments.Count == 0)
        {
            text.AppendLine("该年度的全过程记录中没有执法决定、审核或公开。");
        }

        foreach (var f in report.Departments)
        {
            text.AppendLine().AppendLine(report.DepartmentName(f.Department));
            foreach (var (header, value) in YearlyReport.SummaryColumns)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {header}：{YearlyReport.Format(value(f))}");
            }

            foreach (var k in f.Kinds)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {YearlyReport.KindName(k.Action)}：判定 {k.Classified}（重大 {k.Major}），报告作出 {k.Issued}（重大 {k.IssuedMajor}）");
            }

            foreach (var r in f.MajorByRule)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  重大的原因 {r.RuleId} {report.Title(f.Department, r)}：{r.Cases} 件");
            }
        }

        return text.ToString();
    }
}
