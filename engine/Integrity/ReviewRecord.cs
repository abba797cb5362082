using System.Text.Json;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Integrity;

/// <summary>Reads one review from its own entries in the record and checks them where they lie in the chain, so that
/// the gate decides from the record and not from the store's index, which the chain does not cover.</summary>
/// <remarks>
/// Each of the review's entries must match its hash, link to the entry before it, and be linked to by the entry after it
/// (or be the stored head). That finds an index edited behind Fashen's back (the review is read from its entries, not from
/// the index), an entry changed, changed with its hash computed again, or inserted without the entries after it being
/// rewritten. A rewrite of every entry from the change to the end, with the stored head, is found only by verifying the
/// whole record against an anchor kept outside Fashen (docs/security.md).
/// </remarks>
public static class ReviewRecord
{
    /// <summary>Reads and checks a review.</summary>
    /// <param name="store">The store.</param>
    /// <param name="reviewId">The review id.</param>
    /// <returns>The review as its entries make it, or what is wrong with them.</returns>
    public static ReviewReading Read(IReviewStore store, string reviewId)
    {
        var entries = store.ReviewEntries(reviewId);
        if (entries.Count == 0)
        {
            return ReviewReading.Broken($"记录中没有审核 {reviewId} 的任何记录");
        }

        // The head first, then the neighbours: every entry up to the head is then visible, even while others append.
        var head = store.Head();
        var neighbours = store.EntriesAt(entries.SelectMany(e => new[] { e.Sequence - 1, e.Sequence + 1 }).Where(s => s >= 1).Distinct().ToList())
            .ToDictionary(e => e.Sequence);
        foreach (var entry in entries)
        {
            if (LinkProblem(entry, neighbours, head) is { } problem)
            {
                return ReviewReading.Broken(problem);
            }
        }

        var events = entries.Where(e => ReviewEventSerializer.IsReviewEvent(e.Type)).ToList();
        if (events.Count == 0 || events[0].Type != "review.submitted")
        {
            return ReviewReading.Broken($"审核 {reviewId} 的第一条记录不是报送记录");
        }

        try
        {
            var review = Review.Replay(events.Select(e => (e, ReviewEventSerializer.Deserialize(e.Type, e.Data))));
            return review.Id == reviewId ? new ReviewReading(review, null) : ReviewReading.Broken($"审核 {reviewId} 的报送记录写的是另一个审核 {review.Id}");
        }
        catch (Exception exception) when (exception is JsonException or InvalidCastException or NotSupportedException)
        {
            return ReviewReading.Broken($"审核 {reviewId} 的记录无法读取（{exception.GetType().Name}）");
        }
    }

    private static string? LinkProblem(AuditEntry entry, Dictionary<long, AuditEntry> neighbours, RecordHead? head)
    {
        var sequence = entry.Sequence;
        if (AuditChain.ComputeHash(entry) != entry.Hash)
        {
            return $"第 {sequence} 条记录的内容与其哈希不符";
        }

        var previous = sequence == 1 ? AuditChain.Genesis : neighbours.GetValueOrDefault(sequence - 1)?.Hash;
        if (previous is null)
        {
            return $"第 {sequence - 1} 条记录缺失";
        }

        if (entry.PreviousHash != previous)
        {
            return $"第 {sequence} 条记录的前序哈希与第 {sequence - 1} 条记录不符";
        }

        if (neighbours.GetValueOrDefault(sequence + 1) is { } next)
        {
            return next.PreviousHash == entry.Hash ? null : $"第 {sequence + 1} 条记录的前序哈希与第 {sequence} 条记录不符：第 {sequence} 条记录被改动或替换过";
        }

        return head is not null && head.Sequence == sequence && head.Hash == entry.Hash
            ? null
            : $"第 {sequence} 条记录之后的记录缺失，或它与保存的链头不符";
    }
}

/// <summary>A review as read from its entries in the record.</summary>
/// <param name="Review">The review, when its entries check out.</param>
/// <param name="Problem">What is wrong with its entries, in Chinese, or null.</param>
public sealed record ReviewReading(Review? Review, string? Problem)
{
    internal static ReviewReading Broken(string problem) => new(null, problem);
}
