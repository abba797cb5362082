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

    /// <summary>Verifies entries in sequence order from the first.</summary>
    /// <param name="entries">Every entry of the record, in sequence order.</param>
    /// <param name="expectedHead">The hash the last entry must have, kept apart from the entries so that
    /// removing entries from the end also shows; null to skip that check.</param>
    /// <param name="anchors">Hashes of entries noted down outside Fashen when the record was verified before (the
    /// sequence number and chain head it answered): each entry named must still have its hash. Someone able to
    /// rewrite the whole record, recomputing every hash and the stored head, is found only this way.</param>
    /// <returns>The outcome: the number of entries checked and the first problem, if any.</returns>
    public static ChainVerification Verify(IEnumerable<AuditEntry> entries, string? expectedHead, IReadOnlyCollection<ChainAnchor>? anchors = null)
    {
        var anchored = (anchors ?? []).ToLookup(a => a.Sequence);
        var previous = Genesis;
        long count = 0;
        foreach (var entry in entries)
        {
            count++;
            if (entry.Sequence != count)
            {
                return ChainVerification.Broken(count - 1, entry.Sequence, $"第 {count} 条记录缺失：序号从 {count - 1} 跳到了 {entry.Sequence}。");
            }

            if (entry.PreviousHash != previous)
            {
                return ChainVerification.Broken(count - 1, entry.Sequence, $"第 {entry.Sequence} 条记录的前序哈希与第 {count - 1} 条记录不符：记录被插入、删除或改动过。");
            }

            if (ComputeHash(entry) != entry.Hash)
            {
                return ChainVerification.Broken(count - 1, entry.Sequence, $"第 {entry.Sequence} 条记录的内容与其哈希不符：该记录被改动过。");
            }

            if (anchored[entry.Sequence].FirstOrDefault(a => a.Hash != entry.Hash) is { } differs)
            {
                return ChainVerification.Broken(count - 1, entry.Sequence,
                    $"第 {entry.Sequence} 条记录的哈希与此前留存的 {differs.Hash} 不符：这条记录及其前面的记录在留存之后被改写过（各条哈希都重新算过）。");
            }

            previous = entry.Hash;
        }

        if (expectedHead is not null && expectedHead != previous)
        {
            return ChainVerification.Broken(count, count + 1, $"记录的末尾与保存的链头不符：共有 {count} 条记录，末尾的记录可能被删除或替换过。");
        }

        if (anchored.Select(g => g.Key).Where(s => s > count).Min(s => (long?)s) is { } missing)
        {
            return ChainVerification.Broken(count, count + 1, $"此前留存的第 {missing} 条记录已不存在：现在只有 {count} 条，记录被截短过。");
        }

        return new ChainVerification(true, count, null, null, previous);
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
/// <param name="EntriesVerified">How many entries were checked before the first problem (all, when valid).</param>
/// <param name="BrokenAt">The sequence number of the first entry with a problem, or null.</param>
/// <param name="Problem">What is wrong, in Chinese, or null.</param>
/// <param name="Head">The hash of the last entry checked.</param>
public sealed record ChainVerification(bool Valid, long EntriesVerified, long? BrokenAt, string? Problem, string? Head)
{
    /// <summary>Gets the anchor to keep outside Fashen for a later verification: the last entry and its hash; null
    /// when the record is broken or empty.</summary>
    public ChainAnchor? Anchor => Valid && EntriesVerified > 0 && Head is { } head ? new ChainAnchor(EntriesVerified, head) : null;

    internal static ChainVerification Broken(long verified, long at, string problem) => new(false, verified, at, problem, null);
}
