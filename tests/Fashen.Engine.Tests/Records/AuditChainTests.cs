using Fashen.Engine.Records;

namespace Fashen.Engine.Tests.Records;

/// <summary>Verification names the first entry that is not as it was written, whatever was done to the record: changed,
/// changed with its hash computed again, inserted well-formed, removed, or added after the head.</summary>
public sealed class AuditChainTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verify_AnUntouchedRecord_IsValid_AndGivesItsHeadAsTheAnchor()
    {
        var record = Chain(10);

        var verification = AuditChain.Verify(record, HeadOf(record));

        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(10, verification.EntriesVerified);
        Assert.Equal(new ChainAnchor(10, record[^1].Hash), verification.Anchor);
    }

    [Fact]
    public void Verify_AnEmptyRecord_WithoutAHead_IsValid()
    {
        Assert.True(AuditChain.Verify([], null).Valid);
    }

    [Fact]
    public void Verify_AChangedEntry_NamesIt()
    {
        var record = Chain(10);
        var head = HeadOf(record);
        record[4] = record[4] with { Data = """{"fine":6000}""" };

        AssertBrokenAt(5, "被改动过", AuditChain.Verify(record, head));
    }

    [Fact]
    public void Verify_AChangedEntryWithItsHashComputedAgain_NamesIt_NotTheOneAfter()
    {
        var record = Chain(10);
        var head = HeadOf(record);
        record[4] = Rehashed(record[4] with { Data = """{"fine":6000}""" });

        AssertBrokenAt(5, "第 5 条记录被改动过（哈希也重新算过）", AuditChain.Verify(record, head));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Verify_WellFormedEntriesInsertedInTheMiddle_NamesTheFirstInserted(int inserted)
    {
        // Entries sealed onto entry 6 and put after it; the entries that followed are numbered on, their hashes left alone.
        var original = Chain(10);
        var record = original.Take(6).ToList();
        for (var i = 0; i < inserted; i++)
        {
            record.Add(AuditChain.Seal(Pending($"forged {i}"), record.Count + 1, At, record[^1].Hash));
        }

        record.AddRange(original.Skip(6).Select((e, i) => e with { Sequence = 7 + inserted + i }));

        var verification = AuditChain.Verify(record, new RecordHead(record.Count, record[^1].Hash));

        AssertBrokenAt(7, "是插入的", verification);
        Assert.Contains($"前序哈希指向第 6 条记录", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AWellFormedEntryAddedAfterTheHead_NamesIt()
    {
        var record = Chain(10);
        var head = HeadOf(record);
        record.Add(AuditChain.Seal(Pending("forged approval"), 11, At, record[^1].Hash));

        AssertBrokenAt(11, "在保存的链头（第 10 条）之后", AuditChain.Verify(record, head));
    }

    [Fact]
    public void Verify_AnEntryRemovedFromTheMiddle_NamesTheMissingOne()
    {
        var record = Chain(10);
        var head = HeadOf(record);
        record.RemoveAt(3);

        AssertBrokenAt(4, "第 4 条记录缺失", AuditChain.Verify(record, head));
    }

    [Fact]
    public void Verify_AnEntryRemovedAndTheRestNumberedOn_NamesWhereItWas()
    {
        var record = Chain(10);
        record.RemoveAt(3);
        record = record.Select((e, i) => e with { Sequence = i + 1 }).ToList();

        AssertBrokenAt(4, "被改动过", AuditChain.Verify(record, HeadOf(record)));
    }

    [Fact]
    public void Verify_EntriesRemovedFromTheEnd_NamesTheFirstMissing()
    {
        var record = Chain(10);
        var head = HeadOf(record);

        AssertBrokenAt(9, "第 9 至 10 条记录缺失", AuditChain.Verify(record.Take(8), head));
    }

    [Fact]
    public void Verify_TheLastEntryReplaced_NamesIt()
    {
        var record = Chain(10);
        var head = HeadOf(record);
        record[^1] = Rehashed(record[^1] with { Data = """{"outcome":"approve"}""" });

        AssertBrokenAt(10, "末尾的记录被替换过", AuditChain.Verify(record, head));
    }

    [Fact]
    public void Verify_WithoutTheStoredHead_SaysItIsMissing()
    {
        AssertBrokenAt(10, "链头缺失", AuditChain.Verify(Chain(10), null));
    }

    [Fact]
    public void Verify_AWholeRewrite_IsFoundOnlyByAnAnchorKept_AtTheAnchoredEntry()
    {
        var original = Chain(10);
        var anchor = new ChainAnchor(6, original[5].Hash);
        var rewritten = new List<AuditEntry>();
        foreach (var entry in original)
        {
            var changed = entry.Sequence == 3 ? entry with { Data = """{"fine":6000}""" } : entry;
            rewritten.Add(Rehashed(changed with { PreviousHash = rewritten.Count == 0 ? AuditChain.Genesis : rewritten[^1].Hash }));
        }

        Assert.True(AuditChain.Verify(rewritten, HeadOf(rewritten)).Valid);
        AssertBrokenAt(6, "在留存之后被改写过", AuditChain.Verify(rewritten, HeadOf(rewritten), [anchor]));
        AssertBrokenAt(11, "记录被截短过", AuditChain.Verify(original, HeadOf(original), [new ChainAnchor(12, original[^1].Hash)]));
    }

    private static void AssertBrokenAt(long sequence, string problem, ChainVerification verification)
    {
        Assert.False(verification.Valid);
        Assert.Equal(sequence, verification.BrokenAt);
        Assert.Equal(sequence - 1, verification.EntriesVerified);
        Assert.Contains(problem, verification.Problem, StringComparison.Ordinal);
    }

    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        for (var sequence = 1; sequence <= count; sequence++)
        {
            entries.Add(AuditChain.Seal(Pending($"entry {sequence}"), sequence, At.AddMinutes(sequence), entries.Count == 0 ? AuditChain.Genesis : entries[^1].Hash));
        }

        return entries;
    }

    private static PendingEntry Pending(string note) =>
        new("review.checklist_recorded", "R-1", "scjg", new Actor(ActorKind.Person, "li.min", "李敏"), $$"""{"note":"{{note}}"}""");

    private static AuditEntry Rehashed(AuditEntry entry) => entry with { Hash = AuditChain.ComputeHash(entry) };

    private static RecordHead HeadOf(IReadOnlyList<AuditEntry> record) => new(record[^1].Sequence, record[^1].Hash);
}
