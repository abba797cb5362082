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
    /// <returns>The outcome: the number of entries checked and the first problem, if any.</returns>
    public static ChainVerification Verify(IEnumerable<AuditEntry> entries, string? expectedHead)
    {
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

            previous = entry.Hash;
        }

        if (expectedHead is not null && expectedHead != previous)
        {
            return ChainVerification.Broken(count, count + 1, $"记录的末尾与保存的链头不符：共有 {count} 条记录，末尾的记录可能被删除或替换过。");
        }

        return new ChainVerification(true, count, null, null, previous);
    }
}

/// <summary>The outcome of verifying the record.</summary>
/// <param name="Valid">Whether every entry checked out.</param>
/// <param name="EntriesVerified">How many entries were checked before the first problem (all, when valid).</param>
/// <param name="BrokenAt">The sequence number of the first entry with a problem, or null.</param>
/// <param name="Problem">What is wrong, in Chinese, or null.</param>
/// <param name="Head">The hash of the last entry checked.</param>
public sealed record ChainVerification(bool Valid, long EntriesVerified, long? BrokenAt, string? Problem, string? Head)
{
    internal static ChainVerification Broken(long verified, long at, string problem) => new(false, verified, at, problem, null);
}
