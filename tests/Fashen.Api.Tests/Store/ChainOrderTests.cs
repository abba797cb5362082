using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using static Fashen.Api.Tests.Store.StoreAppends;

namespace Fashen.Api.Tests.Store;

/// <summary>Which review of a case is its newest is decided by the record's order, in both stores alike, never by the
/// submission times the instances' clocks wrote: an instance an hour behind does not make its review older.</summary>
public sealed class ChainOrderTests : EitherStore
{
    [Theory]
    [InlineData("litedb")]
    [InlineData("postgresql")]
    public void LatestReview_OfACase_IsTheOneLaterInTheRecord_ThoughItsClockSaysEarlier(string kind)
    {
        using var store = Open(kind);

        // An approved review (as an older Fashen kept several per case), then a newer one written by an instance whose clock
        // is an hour behind: its submission time is before the approved one's.
        var behind = At.AddHours(-1);
        Assert.Equal(AppendStatus.Appended, store.Append(new AppendBatch(
            At, [ReviewEntry("R1")], "R1", 0, Index("R1", "A1") with { State = ReviewState.Approved })).Status);
        Assert.Equal(AppendStatus.Appended, store.Append(new AppendBatch(
            behind, [ReviewEntry("R2")], "R2", 0, Index("R2", "A1") with { SubmittedAt = behind, UpdatedAt = behind })).Status);

        Assert.Equal("R2", store.LatestReviewFor("scjg", "A1")?.ReviewId);

        // A later entry of the older review does not make it the newer one: the first entry of each is what counts.
        Assert.Equal(AppendStatus.Appended, store.Append(new AppendBatch(
            At.AddHours(1), [ReviewEntry("R1")], "R1", 1, Index("R1", "A1") with { State = ReviewState.Approved, Version = 2 })).Status);
        Assert.Equal("R2", store.LatestReviewFor("scjg", "A1")?.ReviewId);
    }

    private static PendingEntry ReviewEntry(string reviewId) =>
        new("test.entry", reviewId, "scjg", Actor.System, CanonicalJson.Serialize(System.Text.Json.Nodes.JsonValue.Create(reviewId)));
}
