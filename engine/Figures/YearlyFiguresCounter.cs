using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Engine.Calendar;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Figures;

/// <summary>Computes <see cref="YearlyFigures"/> from the record alone, in one walk: the same record gives the same figures on
/// every store and every machine.</summary>
public static class YearlyFiguresCounter
{
    /// <summary>The bucket for entries written before the kind of action was recorded with them.</summary>
    public const string UnknownAction = "unknown";

    /// <summary>Counts a year's figures per department.</summary>
    /// <param name="entries">The record, in order (entries after the year are read and left out).</param>
    /// <param name="year">The year.</param>
    /// <param name="calendar">The working calendar, to count review days; null leaves them uncounted.</param>
    /// <param name="zone">The time zone whose dates count.</param>
    /// <returns>One row per department with anything in the year, by department id.</returns>
    public static IReadOnlyList<YearlyFigures> Compute(IEnumerable<AuditEntry> entries, int year, WorkingCalendar? calendar, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var yearEnd = new DateOnly(year, 12, 31);
        var departments = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var reviews = new Dictionary<string, Review>(StringComparer.Ordinal);
        var publications = new Dictionary<string, PendingPublication>(StringComparer.Ordinal);

        Tally Of(string department)
        {
            if (!departments.TryGetValue(department, out var tally))
            {
                departments[department] = tally = new Tally();
            }

            return tally;
        }

        foreach (var entry in entries)
        {
            var date = ReviewOptions.LocalDay(entry.At, zone);
            if (date > yearEnd)
            {
                continue;
            }

            var inYear = date.Year == year;
            if (entry.ReviewId is { } reviewId && ReviewEventSerializer.IsReviewEvent(entry.Type))
            {
                OnReviewEvent(entry, reviewId, date, inYear);
                continue;
            }

            if (entry.Department is not { } department)
            {
                continue;
            }

            switch (entry.Type)
            {
                case "decision.classified" when inYear:
                    var classified = JsonNode.Parse(entry.Data)!;
                    Of(department).Classify(
                        Text(classified, "caseId") ?? string.Empty, Text(classified, "action") ?? UnknownAction, Text(classified, "classification") == "major",
                        classified["rules"]?.AsArray().Select(r => ((string)r!, (string?)null)).ToList() ?? []);
                    break;
                case ReviewService.IssuedEntry:
                    Issued(entry, department, date, inYear);
                    break;
                case "publication.approved":
                case "publication.corrected":
                case "publication.withdrawn":
                    Published(entry, department, date, inYear);
                    break;
                case ReviewService.IssuedWithoutPermit when inYear:
                    Of(department).IssuedWithoutPermit++;
                    break;
                case ReviewService.IssuedNotAsPermitted when inYear:
                    Of(department).IssuedNotAsPermitted++;
                    break;
                case ReviewService.InvalidPermitPresented when inYear:
                    Of(department).InvalidPermits++;
                    break;
                case ReviewService.EvasionAlert when inYear:
                    Of(department).ReviewEvasion++;
                    break;
            }
        }

        // At the end of the year: the reviews and publications still open, and which of them were past due.
        foreach (var review in reviews.Values.Where(r => !r.State.IsClosed()))
        {
            var tally = Of(review.Department);
            tally.OpenAtYearEnd++;
            tally.OverdueAtYearEnd += review.Deadline.DueDate is { } due && due <= yearEnd ? 1 : 0;
        }

        foreach (var publication in publications.Values.Where(p => !p.Published))
        {
            Of(publication.Department).PublicationsOverdueAtYearEnd += publication.DueOn is { } due && due <= yearEnd ? 1 : 0;
        }

        return departments
            .Where(d => d.Value.Any)
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => d.Value.Figures(d.Key, year))
            .ToList();

        void OnReviewEvent(AuditEntry entry, string reviewId, DateOnly date, bool inYear)
        {
            var reviewEvent = ReviewEventSerializer.Deserialize(entry.Type, entry.Data);
            if (reviewEvent is ReviewSubmitted submitted)
            {
                reviews[reviewId] = Review.Replay([(entry, reviewEvent)]);
                if (inYear)
                {
                    var tally = Of(submitted.Department);
                    tally.Submitted++;
                    tally.Classify(
                        submitted.CaseId, (string?)submitted.Submission.Decision["action"] ?? UnknownAction, major: true,
                        submitted.Submission.MatchedRules.Select(r => (r.Id, (string?)r.Title)).ToList());
                }

                return;
            }

            if (!reviews.TryGetValue(reviewId, out var review))
            {
                return;
            }

            if (inYear)
            {
                var tally = Of(review.Department);
                switch (reviewEvent)
                {
                    case ReviewResubmitted resubmitted:
                        tally.Classify(
                            review.CaseId, (string?)resubmitted.Submission.Decision["action"] ?? UnknownAction, major: true,
                            resubmitted.Submission.MatchedRules.Select(r => (r.Id, (string?)r.Title)).ToList());
                        break;
                    case ReviewReturned:
                        tally.Returned++;
                        tally.ReviewsReturned.Add(reviewId);
                        break;
                    case ExtensionRequested:
                        tally.ExtensionsRequested++;
                        break;
                    case ExtensionDecided { Approved: true }:
                        tally.ExtensionsGranted++;
                        break;
                    case OutcomeRecorded outcome:
                        // Measured before the outcome stops the clock: the due date and the days used so far.
                        tally.Outcomes[(int)outcome.Outcome]++;
                        tally.DecidedLate += review.Deadline.DueDate is { } due && date > due ? 1 : 0;
                        if (calendar is not null && review.Deadline.WorkingDaysUsedBy(date, calendar) is { } used)
                        {
                            tally.ReviewDays.Add(used);
                        }

                        break;
                }
            }

            review.Apply(entry, reviewEvent);
        }

        void Issued(AuditEntry entry, string department, DateOnly date, bool inYear)
        {
            var data = JsonNode.Parse(entry.Data)!;
            var dueOn = Text(data["proposed"], "dueOn") is { } due ? DateOnly.Parse(due, CultureInfo.InvariantCulture) : (DateOnly?)null;
            if (Text(data, "publicationId") is { } publicationId)
            {
                publications[publicationId] = new PendingPublication(department, dueOn);
            }

            if (inYear)
            {
                var tally = Of(department);
                var kind = tally.Kind(Text(data, "action") ?? UnknownAction);
                kind.Issued++;
                kind.IssuedMajor += Text(data, "classification") == "major" ? 1 : 0;
                tally.Reported++;
            }
        }

        void Published(AuditEntry entry, string department, DateOnly date, bool inYear)
        {
            var data = JsonNode.Parse(entry.Data)!;
            var known = Text(data, "publicationId") is { } id ? publications.GetValueOrDefault(id) : null;
            if (entry.Type == "publication.approved" && known is not null)
            {
                known.Published = true;
            }

            if (!inYear)
            {
                return;
            }

            var tally = Of(department);
            switch (entry.Type)
            {
                case "publication.approved" when known?.DueOn is { } due && date > due:
                    tally.PublishedLate++;
                    break;
                case "publication.approved":
                    tally.PublishedOnTime++;
                    break;
                case "publication.corrected":
                    tally.Corrected++;
                    break;
                default:
                    tally.Withdrawn++;
                    tally.WithdrawnLate += data["late"]?.GetValue<bool>() == true ? 1 : 0;
                    break;
            }
        }
    }

    /// <summary>The median of whole numbers: the middle one, or the mean of the two in the middle.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The median, or null when there are none.</returns>
    public static double? Median(IReadOnlyList<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    /// <summary>A percentile by nearest rank: the smallest value with at least that share of the values at or below it.</summary>
    /// <param name="values">The values.</param>
    /// <param name="percent">The percentile, 1 to 100.</param>
    /// <returns>The value, or null when there are none.</returns>
    public static int? Percentile(IReadOnlyList<int> values, int percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static string? Text(JsonNode? node, string key) => EntryFields.Text(node, key);

    private sealed class PendingPublication(string department, DateOnly? dueOn)
    {
        public string Department { get; } = department;

        public DateOnly? DueOn { get; } = dueOn;

        public bool Published { get; set; }
    }

    private sealed class KindTally
    {
        public int Issued { get; set; }

        public int IssuedMajor { get; set; }
    }

    private sealed class Tally
    {
        // Each case once, as last classified in the year: its kind, whether major, and the rules it matched. A case's classification
        // entry may follow its submission in the record (classifications are written in groups, just after their answers); both
        // say the same, and only submissions carry the rules' wording, kept apart so the order does not matter.
        private readonly Dictionary<string, (string Action, bool Major, IReadOnlyList<string> Rules)> _cases = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, KindTally> _kinds = new(StringComparer.Ordinal);

        public int Submitted { get; set; }

        public int[] Outcomes { get; } = new int[4];

        public int Returned { get; set; }

        public HashSet<string> ReviewsReturned { get; } = new(StringComparer.Ordinal);

        public int ExtensionsRequested { get; set; }

        public int ExtensionsGranted { get; set; }

        public List<int> ReviewDays { get; } = [];

        public int DecidedLate { get; set; }

        public int OverdueAtYearEnd { get; set; }

        public int OpenAtYearEnd { get; set; }

        public int Reported { get; set; }

        public int PublishedOnTime { get; set; }

        public int PublishedLate { get; set; }

        public int PublicationsOverdueAtYearEnd { get; set; }

        public int Corrected { get; set; }

        public int Withdrawn { get; set; }

        public int WithdrawnLate { get; set; }

        public int IssuedWithoutPermit { get; set; }

        public int IssuedNotAsPermitted { get; set; }

        public int InvalidPermits { get; set; }

        public int ReviewEvasion { get; set; }

        public bool Any => _cases.Count > 0 || _kinds.Count > 0 || Submitted > 0 || Outcomes.Any(o => o > 0) || OpenAtYearEnd > 0
            || PublishedOnTime + PublishedLate + PublicationsOverdueAtYearEnd + Corrected + Withdrawn > 0
            || IssuedWithoutPermit + IssuedNotAsPermitted + InvalidPermits + ReviewEvasion > 0;

        public void Classify(string caseId, string action, bool major, IReadOnlyList<(string Id, string? Title)> rules)
        {
            _cases[caseId] = (action, major, rules.Select(r => r.Id).ToList());
            foreach (var (id, title) in rules)
            {
                if (title is not null)
                {
                    _titles[id] = title;
                }
            }
        }

        public KindTally Kind(string action)
        {
            if (!_kinds.TryGetValue(action, out var kind))
            {
                _kinds[action] = kind = new KindTally();
            }

            return kind;
        }

        public YearlyFigures Figures(string department, int year)
        {
            var actions = _cases.Values.Select(c => c.Action).Concat(_kinds.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            var kinds = actions.Select(action =>
            {
                var cases = _cases.Values.Where(c => c.Action == action).ToList();
                var issued = _kinds.GetValueOrDefault(action);
                return new KindFigures(action, cases.Count, cases.Count(c => c.Major), issued?.Issued ?? 0, issued?.IssuedMajor ?? 0);
            }).ToList();
            var rules = _cases.Values.Where(c => c.Major)
                .SelectMany(c => c.Rules)
                .GroupBy(r => r, StringComparer.Ordinal)
                .Select(g => new RuleFigures(g.Key, _titles.GetValueOrDefault(g.Key), g.Count()))
                .OrderByDescending(r => r.Cases).ThenBy(r => r.RuleId, StringComparer.Ordinal)
                .ToList();
            var reviews = new ReviewFigures(
                Submitted, Outcomes.Sum(), Outcomes[(int)ReviewOutcome.Approve], Outcomes[(int)ReviewOutcome.Correct], Outcomes[(int)ReviewOutcome.Reject],
                Outcomes[(int)ReviewOutcome.Refer], Returned, ReviewsReturned.Count, ExtensionsRequested, ExtensionsGranted,
                Median(ReviewDays), Percentile(ReviewDays, 90), DecidedLate, OverdueAtYearEnd, OpenAtYearEnd);
            var publications = new PublicationFigures(Reported, PublishedOnTime, PublishedLate, PublicationsOverdueAtYearEnd, Corrected, Withdrawn, WithdrawnLate);
            return new YearlyFigures(department, year, kinds, rules, reviews, publications,
                new FindingFigures(IssuedWithoutPermit, IssuedNotAsPermitted, InvalidPermits, ReviewEvasion));
        }
    }
}
