using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Tests.Store;

/// <summary>The place of an outcome among a department's outcomes of its year, which numbers the review opinions, counted
/// alike by both stores: only outcomes, only that department, only from the start of the year, only before it.</summary>
public sealed class OutcomeCountTests : EitherStore
{
    [Theory]
    [InlineData("litedb")]
    [InlineData("postgresql")]
    public void Outcomes_AreCountedByDepartmentYearAndPlace(string kind)
    {
        using var store = Open(kind);
        var lastYear = new DateTimeOffset(2025, 12, 31, 15, 59, 0, TimeSpan.Zero);   // 23:59 in Beijing, still 2025 there
        var newYear = new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero);     // 00:00 on 1 January 2026 in Beijing
        Decided(store, lastYear, "scjg");
        Decided(store, newYear, "scjg");
        Decided(store, newYear.AddDays(1), "sthj");
        store.Append(new AppendBatch(newYear.AddDays(2), [new PendingEntry("review.submitted", "R-x", "scjg", Actor.System, "{}")]));
        var third = Decided(store, newYear.AddDays(3), "scjg");
        Decided(store, newYear.AddDays(4), "scjg");

        Assert.Equal(1, store.CountOutcomes("scjg", newYear, third));
        Assert.Equal(2, store.CountOutcomes("scjg", lastYear, third));
        Assert.Equal(1, store.CountOutcomes("sthj", newYear, long.MaxValue));
        Assert.Equal(0, store.CountOutcomes("jtys", newYear, long.MaxValue));
        Assert.Equal(3, store.CountOutcomes("scjg", newYear, long.MaxValue));
    }

    private static long Decided(Fashen.Store.IFashenStore store, DateTimeOffset at, string department) =>
        store.Append(new AppendBatch(at, [new PendingEntry("review.decided", "R-" + at.Ticks, department, Actor.System, "{}")])).Entries[0].Sequence;
}
