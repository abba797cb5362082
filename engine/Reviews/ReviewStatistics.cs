using System.Text.Json.Nodes;
using Fashen.Engine.Calendar;
using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>One department's month (数据统计分析): how many decisions were classified and how many of
/// them were major, how many reviews came in, and how the reviews decided that month went.</summary>
/// <param name="Department">The department id.</param>
/// <param name="Year">The year.</param>
/// <param name="Month">The month, 1 to 12.</param>
/// <param name="Classified">Cases classified in the month, over the API or by being submitted (each case once, as last classified).</param>
/// <param name="ClassifiedMajor">Of those, the cases classified major.</param>
/// <param name="Submitted">Reviews submitted in the month.</param>
/// <param name="Decided">Outcomes recorded in the month (a corrected case decided again counts again).</param>
/// <param name="DecidedWithDeadline">Of those, the ones whose due date was known.</param>
/// <param name="DecidedOnTime">Of those, the ones decided by the due date.</param>
/// <param name="WorkingDaysToDecide">The working days each outcome took, from the clock's start, pauses left out.</param>
/// <param name="Outcomes">How many of each outcome.</param>
public sealed record MonthStatistics(
    string Department,
    int Year,
    int Month,
    int Classified,
    int ClassifiedMajor,
    int Submitted,
    int Decided,
    int DecidedWithDeadline,
    int DecidedOnTime,
    IReadOnlyList<int> WorkingDaysToDecide,
    IReadOnlyDictionary<ReviewOutcome, int> Outcomes)
{
    /// <summary>Gets the share of classified cases that were major, or null when none was classified.</summary>
    public double? MajorShare => Classified == 0 ? null : (double)ClassifiedMajor / Classified;

    /// <summary>Gets the share of outcomes with a known due date that were on time, or null when there were none.</summary>
    public double? OnTimeRate => DecidedWithDeadline == 0 ? null : (double)DecidedOnTime / DecidedWithDeadline;

    /// <summary>Gets the average working days an outcome took, or null when none was counted.</summary>
    public double? AverageWorkingDays => WorkingDaysToDecide.Count == 0 ? null : WorkingDaysToDecide.Average();
}

/// <summary>Computes <see cref="MonthStatistics"/> from the record, which is the only source: every
/// figure can be traced back to entries anyone can verify.</summary>
public static class ReviewStatistics
{
    /// <summary>Walks the record once and counts, per department and month (in the service's time zone).</summary>
    /// <param name="entries">The record, in order.</param>
    /// <param name="calendar">The working calendar, to count working days; null leaves them uncounted.</param>
    /// <param name="zone">The time zone months and dates are taken in.</param>
    /// <returns>One row per department and month with any activity, by department then month.</returns>
    public static IReadOnlyList<MonthStatistics> Compute(IEnumerable<AuditEntry> entries, WorkingCalendar? calendar, TimeZoneInfo zone)
    {
        var rows = new Dictionary<(string Department, int Year, int Month), Counter>();
        var reviews = new Dictionary<string, Review>(StringComparer.Ordinal);
        var classified = new Dictionary<(string Department, int Year, int Month), Dictionary<string, bool>>();

        Counter Row(string department, DateOnly date)
        {
            var key = (department, date.Year, date.Month);
            if (!rows.TryGetValue(key, out var counter))
            {
                rows[key] = counter = new Counter();
            }

            return counter;
        }

        // The cases classified each month, each with its last classification: asked over the API, or
        // implied by a submission (only major decisions are submitted).
        void Classified(string department, DateOnly date, string caseId, bool major)
        {
            var key = (department, date.Year, date.Month);
            if (!classified.TryGetValue(key, out var cases))
            {
                classified[key] = cases = new Dictionary<string, bool>(StringComparer.Ordinal);
            }

            cases[caseId] = major;
            Row(department, date);
        }

        foreach (var entry in entries)
        {
            var date = ReviewOptions.LocalDay(entry.At, zone);
            if (entry.Type == "decision.classified" && entry.Department is { } department)
            {
                var data = JsonNode.Parse(entry.Data);
                Classified(department, date, data?["caseId"]?.GetValue<string>() ?? string.Empty, data?["classification"]?.GetValue<string>() == "major");
                continue;
            }

            if (entry.ReviewId is not { } reviewId || !ReviewEventSerializer.IsReviewEvent(entry.Type))
            {
                continue;
            }

            var reviewEvent = ReviewEventSerializer.Deserialize(entry.Type, entry.Data);
            if (reviewEvent is ReviewSubmitted submitted)
            {
                reviews[reviewId] = Review.Replay([(entry, reviewEvent)]);
                Row(submitted.Department, date).Submitted++;
                Classified(submitted.Department, date, submitted.CaseId, major: true);
                continue;
            }

            if (!reviews.TryGetValue(reviewId, out var review))
            {
                continue;
            }

            if (reviewEvent is OutcomeRecorded outcome)
            {
                // Measured before the outcome stops the clock: the due date and the days used so far.
                var row = Row(review.Department, date);
                row.Decided++;
                row.Outcomes[outcome.Outcome] = row.Outcomes.GetValueOrDefault(outcome.Outcome) + 1;
                if (review.Deadline.DueDate is { } due)
                {
                    row.DecidedWithDeadline++;
                    row.DecidedOnTime += date <= due ? 1 : 0;
                }

                if (calendar is not null && review.Deadline.WorkingDaysUsedBy(date, calendar) is { } used)
                {
                    row.WorkingDays.Add(used);
                }
            }

            review.Apply(entry, reviewEvent);
        }

        foreach (var (key, cases) in classified)
        {
            rows[key].Classified = cases.Count;
            rows[key].ClassifiedMajor = cases.Count(c => c.Value);
        }

        return rows
            .OrderBy(r => r.Key.Department, StringComparer.Ordinal).ThenBy(r => r.Key.Year).ThenBy(r => r.Key.Month)
            .Select(r => new MonthStatistics(
                r.Key.Department, r.Key.Year, r.Key.Month, r.Value.Classified, r.Value.ClassifiedMajor, r.Value.Submitted,
                r.Value.Decided, r.Value.DecidedWithDeadline, r.Value.DecidedOnTime, r.Value.WorkingDays, r.Value.Outcomes))
            .ToList();
    }

    private sealed class Counter
    {
        public int Classified { get; set; }

        public int ClassifiedMajor { get; set; }

        public int Submitted { get; set; }

        public int Decided { get; set; }

        public int DecidedWithDeadline { get; set; }

        public int DecidedOnTime { get; set; }

        public List<int> WorkingDays { get; } = [];

        public Dictionary<ReviewOutcome, int> Outcomes { get; } = [];
    }
}
