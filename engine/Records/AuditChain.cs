using System.Globalization;

namespace Fashen.Engine.Records;

/// <summary>Hashes and verifies the chain of audit entries: each entry carries the hash of the one
/// before it, over a canonical serialisation, so no entry can be changed, removed or inserted without
/// the change showing.</summary>
public static class AuditChain
{
    /// <summary>The previous-hash of the first entry.</summary>
    public const string Genesis = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Seals a pending entry as the next one of the chain.</summary>
    /// <param name="pending">The entry to seal.</param>
    /// <param name="sequence">Its sequence number.</param>
    /// <param name="at">When it happened.</param>
    /// <param name="previousHash">The hash of the entry before.</param>
    /// <returns>The sealed entry.</returns>
    public static AuditEntry Seal(PendingEntry pending, long sequence, DateTimeOffset at, string previousHash)
    {
        var unsealed = new AuditEntry(
            sequence, at.ToUniversalTime(), pending.Type, pending.ReviewId, pending.Department, pending.Actor, pending.Data, previousHash, string.Empty);
        return unsealed with { Hash = ComputeHash(unsealed) };
    }

    /// <summary>Computes an entry's hash from every field but the hash itself.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns><c>sha256:</c> and hex.</returns>
    public static string ComputeHash(AuditEntry entry) => CanonicalJson.Hash(entry, static (writer, e) =>
    {
        // The canonical form of {sequence, at, type, reviewId, department, actor {kind, id, name}, data, previousHash},
        // members in ordinal order as CanonicalJson sorts them; CanonicalJsonTests hold it to the tree it once was.
        writer.WriteStartObject();
        writer.WriteStartObject("actor");
        writer.WriteString("id", e.Actor.Id);
        writer.WriteString("kind", e.Actor.Kind.ToString());
        writer.WriteString("name", e.Actor.Name);
        writer.WriteEndObject();
        writer.WriteString("at", e.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
        writer.WriteString("data", e.Data);
        writer.WriteString("department", e.Department);
        writer.WriteString("previousHash", e.PreviousHash);
        writer.WriteString("reviewId", e.ReviewId);
        writer.WriteNumber("sequence", e.Sequence);
        writer.WriteString("type", e.Type);
        writer.WriteEndObject();
    });

    /// <summary>Verifies entries in sequence order from the first, and names the first entry that is not as it was written.</summary>
    /// <param name="entries">Every entry of the record, in sequence order. Enumerated a second time, from the start, only
    /// when a link between two entries is broken: to find out whether entries were inserted there.</param>
    /// <param name="head">The last entry's sequence and hash, kept apart from the entries so that removing or adding entries
    /// at the end also shows; null when the store keeps none (an empty record).</param>
    /// <param name="anchors">Hashes of entries noted down outside Fashen when the record was verified before (the
    /// sequence number and chain head it answered): each entry named must still have its hash. Someone able to
    /// rewrite the whole record, recomputing every hash and the stored head, is found only this way.</param>
    /// <returns>The outcome: the first entry with a problem, if any, and how many entries before it are intact.</returns>
    /// <remarks>
    /// Where an entry's link to the one before is broken, the cause is told apart by where the link points:
    /// at an earlier entry (the ones between were inserted, the first of them is named); at nothing, while the entry itself
    /// is intact (the entry before was changed and its hash computed again: that one is named); at nothing, and the entry
    /// itself does not match its hash (this entry was changed). At the end, the stored head's sequence tells entries
    /// removed from the end (the first missing one is named) from entries added after it (the first added one is named).
    /// </remarks>
    public static ChainVerification Verify(IEnumerable<AuditEntry> entries, RecordHead? head, IReadOnlyCollection<ChainAnchor>? anchors = null)
    {
        var anchored = (anchors ?? []).ToLookup(a => a.Sequence);
        var previous = Genesis;
        string? hashAtHead = null;
        long count = 0;
        foreach (var entry in entries)
        {
            count++;
            if (entry.Sequence != count)
            {
                var missing = entry.Sequence - count == 1 ? $"第 {count} 条记录缺失" : $"第 {count} 至 {entry.Sequence - 1} 条记录缺失";
                return ChainVerification.Broken(count, $"{missing}：序号从 {count - 1} 跳到了 {entry.Sequence}，记录被删除过。");
            }

            if (entry.PreviousHash != previous)
            {
                return BrokenLink(entries, entry);
            }

            if (ComputeHash(entry) != entry.Hash)
            {
                return ChainVerification.Broken(count, $"第 {count} 条记录的内容与其哈希不符：该记录被改动过。");
            }

            if (anchored[entry.Sequence].FirstOrDefault(a => a.Hash != entry.Hash) is { } differs)
            {
                return ChainVerification.Broken(count,
                    $"第 {count} 条记录的哈希与此前留存的 {differs.Hash} 不符：这条记录及其前面的记录在留存之后被改写过（各条哈希都重新算过）。");
            }

            if (entry.Sequence == head?.Sequence)
            {
                hashAtHead = entry.Hash;
            }

            previous = entry.Hash;
        }

        if (EndProblem(count, previous, head, hashAtHead) is { } end)
        {
            return end;
        }

        if (anchored.Select(g => g.Key).Where(s => s > count).Min(s => (long?)s) is { } cut)
        {
            return ChainVerification.Broken(count + 1, $"此前留存的第 {cut} 条记录已不存在：现在只有 {count} 条，记录被截短过。");
        }

        return new ChainVerification(true, count, null, null, previous);
    }

    // The entry's link does not name the hash of the entry before it.
    private static ChainVerification BrokenLink(IEnumerable<AuditEntry> entries, AuditEntry entry)
    {
        var sequence = entry.Sequence;
        if (entries.TakeWhile(e => e.Sequence < sequence - 1).FirstOrDefault(e => e.Hash == entry.PreviousHash) is { } linked)
        {
            var inserted = sequence - 1 - linked.Sequence == 1 ? $"第 {sequence - 1} 条记录是插入的" : $"第 {linked.Sequence + 1} 至 {sequence - 1} 条记录是插入的";
            return ChainVerification.Broken(linked.Sequence + 1, $"{inserted}：第 {sequence} 条记录的前序哈希指向第 {linked.Sequence} 条记录。");
        }

        return ComputeHash(entry) == entry.Hash && sequence > 1
            ? ChainVerification.Broken(sequence - 1, $"第 {sequence - 1} 条记录被改动过（哈希也重新算过）：第 {sequence} 条记录的前序哈希与它不符。")
            : ChainVerification.Broken(sequence, $"第 {sequence} 条记录的前序哈希与第 {sequence - 1} 条记录不符，内容也与其哈希不符：该记录被改动过。");
    }

    // The end of the record against the stored head.
    private static ChainVerification? EndProblem(long count, string last, RecordHead? head, string? hashAtHead)
    {
        if (head is null)
        {
            return count == 0 ? null : ChainVerification.Broken(count, $"保存的链头缺失：共有 {count} 条记录，无法确认末尾的记录没有被删除或替换。");
        }

        if (head.Sequence > count)
        {
            var missing = head.Sequence - count == 1 ? $"第 {head.Sequence} 条记录缺失" : $"第 {count + 1} 至 {head.Sequence} 条记录缺失";
            return ChainVerification.Broken(count + 1, $"{missing}：保存的链头在第 {head.Sequence} 条，现在只有 {count} 条，末尾的记录被删除过。");
        }

        if (head.Sequence < count)
        {
            return hashAtHead == head.Hash
                ? ChainVerification.Broken(head.Sequence + 1, $"第 {head.Sequence + 1} 至 {count} 条记录在保存的链头（第 {head.Sequence} 条）之后，是绕过本系统加入的。")
                : ChainVerification.Broken(head.Sequence, $"第 {head.Sequence} 条记录与保存的链头不符：该记录被替换过。");
        }

        return head.Hash == last ? null : ChainVerification.Broken(count, $"第 {count} 条记录与保存的链头不符：末尾的记录被替换过。");
    }
}

/// <summary>An entry's hash noted down outside Fashen (in a report, with the department of justice), written
/// <c>序号:哈希</c> as verification answers it: <c>1024:sha256:…</c>.</summary>
/// <param name="Sequence">The entry's sequence number.</param>
/// <param name="Hash">Its hash.</param>
public sealed record ChainAnchor(long Sequence, string Hash)
{
    /// <summary>Reads an anchor written <c>序号:哈希</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="anchor">The anchor, when the text is one.</param>
    /// <returns>Whether it is.</returns>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ChainAnchor? anchor)
    {
        anchor = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1)
        {
            return false;
        }

        var hash = text[(colon + 1)..].Trim();
        if (!hash.StartsWith("sha256:", StringComparison.Ordinal) || hash.Length != "sha256:".Length + 64
            || hash.AsSpan("sha256:".Length).IndexOfAnyExcept("0123456789abcdef") >= 0)
        {
            return false;
        }

        anchor = new ChainAnchor(sequence, hash);
        return true;
    }

    /// <summary>Reads every anchor given, stopping at the first that is not one.</summary>
    /// <param name="texts">The anchors as given, each <c>序号:哈希</c>.</param>
    /// <param name="anchors">The anchors read.</param>
    /// <param name="malformed">The first text that is not an anchor, or null when every one is.</param>
    /// <returns>Whether every text is an anchor.</returns>
    public static bool TryParseAll(IEnumerable<string> texts, out List<ChainAnchor> anchors, out string? malformed)
    {
        anchors = [];
        malformed = null;
        foreach (var text in texts)
        {
            if (!TryParse(text, out var anchor))
            {
                malformed = text;
                return false;
            }

            anchors.Add(anchor);
        }

        return true;
    }

    /// <summary>Gets the text form, <c>序号:哈希</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Sequence.ToString(CultureInfo.InvariantCulture)}:{Hash}";
}

/// <summary>The outcome of verifying the record.</summary>
/// <param name="Valid">Whether every entry checked out.</param>
/// <param name="EntriesVerified">How many entries, from the first, are intact: all when valid, else those before the first problem.</param>
/// <param name="BrokenAt">The sequence number of the first entry that is not as it was written (changed, inserted or missing), or null.</param>
/// <param name="Problem">What is wrong, in Chinese, or null.</param>
/// <param name="Head">The hash of the last entry checked.</param>
public sealed record ChainVerification(bool Valid, long EntriesVerified, long? BrokenAt, string? Problem, string? Head)
{
    /// <summary>Gets the anchor to keep outside Fashen for a later verification: the last entry and its hash; null
    /// when the record is broken or empty.</summary>
    public ChainAnchor? Anchor => Valid && EntriesVerified > 0 && Head is { } head ? new ChainAnchor(EntriesVerified, head) : null;

    internal static ChainVerification Broken(long at, string problem) => new(false, at - 1, at, problem, null);
}
