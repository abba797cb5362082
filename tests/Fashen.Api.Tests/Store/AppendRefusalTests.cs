using Fashen.Engine.Reviews;
using static Fashen.Api.Tests.Store.StoreAppends;

namespace Fashen.Api.Tests.Store;

/// <summary>The three checks every store makes before it writes an append, in both stores alike: a retry that
/// arrived second, a change made against an old version, a second open review of one case. Each says why and
/// writes nothing. (Over HTTP the engine usually refuses first; these are the checks that hold when two requests,
/// or two instances, got past the engine at the same moment.)</summary>
public sealed class AppendRefusalTests : EitherStore
{
    [Theory]
    [InlineData("litedb")]
    [InlineData("postgresql")]
    public void ARefusedAppend_SaysWhichCheckFailed_AndWritesNothing(string kind)
    {
        using var store = Open(kind);
        var key = new IdempotencyRecord("submit", "scjg", "key-1", "sha256:first", "R1");
        Assert.Equal(AppendStatus.Appended, store.Append(new AppendBatch(At, [Entry("R1 submitted")], "R1", 0, Index("R1", "A1"), key)).Status);
        var head = store.Head();

        // The key is checked first: a retry is recognised as one even though it is also stale.
        var retry = store.Append(new AppendBatch(At, [Entry("R1 submitted again")], "R1", 0, Index("R1", "A1"), key));
        var stale = store.Append(new AppendBatch(At, [Entry("R1 changed")], "R1", 0, Index("R1", "A1") with { Version = 2 }));
        var secondOpen = store.Append(new AppendBatch(At, [Entry("R2 submitted")], "R2", 0, Index("R2", "A1")));

        Assert.Equal(AppendStatus.IdempotencyConflict, retry.Status);
        Assert.Equal(AppendStatus.VersionConflict, stale.Status);
        Assert.Equal(1, stale.CurrentVersion);
        Assert.Equal(AppendStatus.OpenReviewExists, secondOpen.Status);
        Assert.All([retry, stale, secondOpen], refused => Assert.Empty(refused.Entries));
        Assert.Equal(head, store.Head());
        Assert.Equal(["\"R1 submitted\""], store.ReadAll().Select(e => e.Data));
        Assert.Equal("R1", store.LatestReviewFor("scjg", "A1")?.ReviewId);
        Assert.Equal(1, store.Query(new ReviewQuery()).Total);

        // Nothing of the refusals stands in the way of the next change made against the current version.
        Assert.Equal(AppendStatus.Appended, store.Append(new AppendBatch(At, [Entry("R1 changed")], "R1", 1, Index("R1", "A1") with { Version = 2 })).Status);
    }
}
