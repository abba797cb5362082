namespace Fashen.Store;

/// <summary>The case id of every review, in memory, for the queue's "case id contains" search on the embedded store.</summary>
/// <remarks>
/// LiteDB has no index that finds a substring: its <c>LIKE '%…%'</c> reads every review (568 ms at 100,000 reviews,
/// docs/performance.md) and takes <c>%</c> and <c>_</c> in the search as wildcards. One process owns a LiteDB file
/// (the folder lock), so a copy of the case ids in memory stays exact: it is read from the file once, when the store
/// opens, and kept up to date by the writer after each commit. Scanning it takes about a millisecond per
/// 100,000 reviews; the store then reads only the reviews that matched. Matching is literal and ignores case, as
/// on PostgreSQL. A review's case id never changes, so the read and the writer may add the same review in either order.
/// </remarks>
internal sealed class CaseIdIndex
{
    private readonly Dictionary<string, string> _folded = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Records a review's case id (again, when the review is updated: the id stays the same).</summary>
    public void Add(string reviewId, string caseId)
    {
        lock (_lock)
        {
            _folded[reviewId] = Fold(caseId);
        }
    }

    /// <summary>Finds the reviews whose case id contains the text, ignoring case.</summary>
    /// <returns>Their ids, in no particular order.</returns>
    public List<string> Matching(string text)
    {
        var folded = Fold(text.Trim());
        var matches = new List<string>();
        lock (_lock)
        {
            foreach (var (reviewId, caseId) in _folded)
            {
                if (caseId.Contains(folded, StringComparison.Ordinal))
                {
                    matches.Add(reviewId);
                }
            }
        }

        return matches;
    }

    private static string Fold(string text) => text.ToLowerInvariant();
}
