using Fashen.Engine.Reviews;

namespace Fashen.Store;

/// <summary>What the queue filters and orders by, for every review, in memory: the embedded store answers a queue query
/// from it and then reads only the page's reviews from the file.</summary>
/// <remarks>
/// One process owns a LiteDB file (the folder lock), so the copy stays exact: it is read from the file once, in the
/// background, when the store opens, and the writer puts every review it commits, after the commit. Reviews are never
/// deleted. The copy is small (about 19 MB for 100,000 reviews). A queue query at 100,000 reviews takes 3–6 ms with its
/// page read from the file; LiteDB needed 46–127 ms, because it reads every matching review to count them, and that time
/// held up every write behind the store's gate (docs/performance.md).
/// LiteDB also has no index that finds a substring: its <c>LIKE '%…%'</c> reads every review and takes <c>%</c> and
/// <c>_</c> as wildcards. Here, as on PostgreSQL, the case-id search is literal and ignores case, and pages are in due
/// date order, then review id.
/// </remarks>
internal sealed class ReviewSummaries
{
    private readonly Dictionary<string, ReviewSummary> _reviews = new(StringComparer.Ordinal);

    // The cases that have a review, by department and exact case id: every classification asks whether its case has one
    // (its history binds it), and nearly always it has not, which this answers without reading the file.
    private readonly HashSet<(string Department, string CaseId)> _cases = [];
    private readonly Lock _lock = new();

    /// <summary>Puts a review as the writer has just committed it: always the newest.</summary>
    public void Put(ReviewIndexEntry review)
    {
        var summary = ReviewSummary.Of(review);
        lock (_lock)
        {
            _reviews[summary.ReviewId] = summary;
            _cases.Add((review.Department, review.CaseId));
        }
    }

    /// <summary>Adds a review read from the file when the store opened, unless the writer has put it meanwhile: what the
    /// writer put was committed after the read began, so it is the newer.</summary>
    public void AddRead(ReviewIndexEntry review)
    {
        var summary = ReviewSummary.Of(review);
        lock (_lock)
        {
            _reviews.TryAdd(summary.ReviewId, summary);
            _cases.Add((review.Department, review.CaseId));
        }
    }

    /// <summary>Tells whether a case has a review.</summary>
    public bool HasReview(string department, string caseId)
    {
        lock (_lock)
        {
            return _cases.Contains((department, caseId));
        }
    }

    /// <summary>Finds a page of the reviews that match a query.</summary>
    /// <returns>The page's review ids in order, and how many reviews match in all.</returns>
    public (List<string> Page, int Total) Find(ReviewQuery query)
    {
        var filter = new Filter(query);
        var matching = new List<ReviewSummary>();
        lock (_lock)
        {
            foreach (var review in _reviews.Values)
            {
                if (filter.Matches(review))
                {
                    matching.Add(review);
                }
            }
        }

        // OrderBy followed by Skip and Take sorts only as far as the page reaches.
        var ordered = query.Order == ReviewOrder.RecentlyChanged
            ? matching.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.ReviewId, StringComparer.Ordinal)
            : matching.OrderBy(r => r.DueDate ?? DateOnly.MaxValue).ThenBy(r => r.ReviewId, StringComparer.Ordinal);
        var page = ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(r => r.ReviewId).ToList();
        return (page, matching.Count);
    }

    /// <summary>Counts the reviews that match a query in each state, the query's states aside.</summary>
    public Dictionary<ReviewState, int> CountByState(ReviewQuery query)
    {
        var filter = new Filter(query with { States = [] });
        var counts = new Dictionary<ReviewState, int>();
        lock (_lock)
        {
            foreach (var review in _reviews.Values)
            {
                if (filter.Matches(review))
                {
                    counts[review.State] = counts.GetValueOrDefault(review.State) + 1;
                }
            }
        }

        return counts;
    }

    /// <summary>Folds a case id or a search for one, so that matching ignores case and the kind of bracket (〔〕 [] 【】 ()).</summary>
    public static string Fold(string text) => CaseNumbers.Fold(text);

    // A query's conditions, each as it reads on PostgreSQL; the due state is the engine's own (DueStates.Of).
    private sealed class Filter(ReviewQuery query)
    {
        private readonly string? _caseId = string.IsNullOrWhiteSpace(query.CaseIdContains) ? null : Fold(query.CaseIdContains.Trim());

        public bool Matches(ReviewSummary review) =>
            (query.VisibleDepartments is not { } visible || visible.Contains(review.Department))
            && (query.Department is not { } department || review.Department == department)
            && (query.States.Count == 0 || query.States.Contains(review.State))
            && (query.Action is not { } action || review.Action == action)
            && (query.ReviewerId is not { } reviewer || review.ReviewerId == reviewer)
            && (!query.CounselPendingOnly || review.CounselPending)
            && (!query.ExtensionPendingOnly || review.ExtensionPending)
            && (query.Due is not { } due
                || DueStates.Of(review.State, review.Running, review.DueDate, query.Today, query.NextWorkingDay) == due)
            && (_caseId is null || review.FoldedCaseId.Contains(_caseId, StringComparison.Ordinal));
    }
}

/// <summary>One review as the queue sees it.</summary>
/// <param name="ReviewId">The review's id.</param>
/// <param name="Department">The department.</param>
/// <param name="FoldedCaseId">The case id, folded for a search that ignores case.</param>
/// <param name="Action">The action kind (wire name).</param>
/// <param name="State">The state.</param>
/// <param name="Running">Whether the clock runs.</param>
/// <param name="DueDate">The due date, or null when unknown (listed after every date).</param>
/// <param name="CounselPending">Whether a counsel opinion is awaited.</param>
/// <param name="ExtensionPending">Whether an extension awaits the head.</param>
/// <param name="ReviewerId">The reviewer's account, or null.</param>
/// <param name="UpdatedAt">When it last changed.</param>
internal sealed record ReviewSummary(
    string ReviewId, string Department, string FoldedCaseId, string Action, ReviewState State, bool Running, DateOnly? DueDate,
    bool CounselPending, bool ExtensionPending, string? ReviewerId, DateTimeOffset UpdatedAt)
{
    /// <summary>Summarises a review's index entry.</summary>
    public static ReviewSummary Of(ReviewIndexEntry review) => new(
        review.ReviewId, Shared(review.Department), ReviewSummaries.Fold(review.CaseId), Shared(review.Action), review.State, review.Running,
        review.DueDate, review.CounselPending, review.ExtensionPending, review.ReviewerId is { } reviewer ? Shared(reviewer) : null, review.UpdatedAt);

    /// <summary>One copy of a name that many reviews share (a department, an action kind): a few kinds, and the copy
    /// of each review's own would take about a quarter of the summaries' memory.</summary>
    private static string Shared(string name) => string.Intern(name);
}
