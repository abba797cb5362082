using Fashen.Engine.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace Fashen.ReviewUi.Pages;

/// <summary>数据统计分析: per department and month, from the record.</summary>
public sealed class StatisticsModel(ReviewService reviews, ReviewOptions options) : FashenPage(reviews, options)
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    public IReadOnlyList<MonthStatistics> Rows { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public string? Problem { get; private set; }

    public void OnGet()
    {
        var outcome = Reviews.Statistics(Caller);
        if (!outcome.Succeeded)
        {
            Problem = outcome.Error!.Message;
            return;
        }

        var all = outcome.Value!;
        Years = all.Select(r => r.Year).Append(Reviews.Today.Year).Distinct().OrderDescending().ToList();
        Year ??= Reviews.Today.Year;
        Rows = all.Where(r => r.Year == Year && (string.IsNullOrEmpty(Department) || r.Department == Department)).ToList();
    }

    /// <summary>A department's whole year in one row.</summary>
    public static MonthStatistics Total(IReadOnlyList<MonthStatistics> months) => new(
        months[0].Department,
        months[0].Year,
        0,
        months.Sum(m => m.Classified),
        months.Sum(m => m.ClassifiedMajor),
        months.Sum(m => m.Submitted),
        months.Sum(m => m.Decided),
        months.Sum(m => m.DecidedWithDeadline),
        months.Sum(m => m.DecidedOnTime),
        months.SelectMany(m => m.WorkingDaysToDecide).ToList(),
        months.SelectMany(m => m.Outcomes).GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.Sum(o => o.Value)));

    public static string Percent(double? share) => share is { } s ? $"{s * 100:0.#}%" : "—";

    public static string Days(double? days) => days is { } d ? $"{d:0.#}" : "—";
}
