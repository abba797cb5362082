using Fashen.Engine.Reviews;
using Fashen.Store;
using static Fashen.Api.Tests.Store.StoreAppends;

namespace Fashen.Api.Tests.Store;

/// <summary>The queue's case-id search on the embedded store, which answers from the case ids held in memory.</summary>
public sealed class LiteDbCaseSearchTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fashen-case-search-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void CaseSearch_TakesWildcardsLiterally_AndIgnoresCase()
    {
        using var store = new LiteDbStore(_folder);
        Submit(store, ("R1", "A_1号"), ("R2", "AB1号"), ("R3", "A%2号"), ("R4", "ab12号"));

        Assert.Equal(["A_1号"], Search(store, "_1"));
        Assert.Equal(["A%2号"], Search(store, "%"));
        Assert.Equal(["A_1号"], Search(store, " a_1 "));
        Assert.Equal(["AB1号", "ab12号"], Search(store, "B1"));
        Assert.Empty(Search(store, "C"));
    }

    [Fact]
    public void CaseSearch_SeesReviewsCommittedAfterTheFirstSearch_AndNotRefusedOnes()
    {
        using var store = new LiteDbStore(_folder);
        Submit(store, ("R1", "SCJG-2026-001"));
        Assert.Equal(["SCJG-2026-001"], Search(store, "2026"));

        Submit(store, ("R2", "SCJG-2026-002"));

        // Refused: the case already has an open review, so nothing of it is stored or found.
        var refused = Index("R3", "SCJG-2026-002");
        Assert.Equal(AppendStatus.OpenReviewExists, store.Append(new AppendBatch(At, [Entry("R3")], "R3", 0, refused)).Status);

        var page = store.Query(new ReviewQuery { CaseIdContains = "2026" });
        Assert.Equal(2, page.Total);
        Assert.Equal(["R1", "R2"], page.Items.Select(r => r.ReviewId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CaseSearch_AfterReopening_FindsWhatTheFileHolds_WithTheOtherFilters()
    {
        using (var store = new LiteDbStore(_folder))
        {
            Submit(store, ("R1", "SCJG-2026-001"), ("R2", "SCJG-2026-002"), ("R3", "NYNC-2026-001"));
        }

        using var reopened = new LiteDbStore(_folder);

        Assert.Equal(["NYNC-2026-001", "SCJG-2026-001"], Search(reopened, "-001"));
        Assert.Equal(["NYNC-2026-001"], reopened.Query(new ReviewQuery { CaseIdContains = "-001", Department = "nync" }).Items.Select(r => r.CaseId));
    }

    [Theory]
    [InlineData("C-00")] // 99 matches: read by id, the other filters applied in memory
    [InlineData("C-")] // 1,200 matches: walked in order through LiteDB's indexes
    public void CaseSearch_WithOtherFiltersAndPages_GivesWhatFilteringEveryReviewGives(string text)
    {
        using var store = new LiteDbStore(_folder);
        var states = new[] { ReviewState.Accepted, ReviewState.Approved, ReviewState.Rejected, ReviewState.Correcting };
        var reviews = Enumerable.Range(1, 1200).Select(n => new ReviewIndexEntry(
            $"R{n:0000}", n % 3 == 0 ? "nync" : "scjg", $"C-{n:0000}", "penalty", states[n % states.Length], true,
            new DateOnly(2026, 3, 1).AddDays(n % 37), 1, At, At, null, "sha256:0", "题", false, false)).ToList();
        Parallel.ForEach(reviews, new ParallelOptions { MaxDegreeOfParallelism = 32 }, index =>
            Assert.Equal(AppendStatus.Appended, store.Append(new AppendBatch(At, [Entry(index.ReviewId)], index.ReviewId, 0, index)).Status));

        var open = new[] { ReviewState.Accepted, ReviewState.UnderReview, ReviewState.Returned, ReviewState.Correcting };
        foreach (var query in new[]
        {
            new ReviewQuery { CaseIdContains = text, PageSize = 20 },
            new ReviewQuery { CaseIdContains = text, Department = "nync", States = open, PageSize = 20, Page = 2 },
            new ReviewQuery { CaseIdContains = text, States = [ReviewState.Rejected], PageSize = 500 },
        })
        {
            var expected = reviews
                .Where(r => r.CaseId.Contains(text, StringComparison.Ordinal) && (query.Department is null || r.Department == query.Department)
                    && (query.States.Count == 0 || query.States.Contains(r.State)))
                .ToList();
            var page = store.Query(query);

            Assert.Equal(expected.Count, page.Total);
            Assert.Equal(Math.Min(query.PageSize, Math.Max(0, expected.Count - ((query.Page - 1) * query.PageSize))), page.Items.Count);
            Assert.All(page.Items, item => Assert.Contains(expected, r => r.ReviewId == item.ReviewId));
            Assert.Equal(page.Items.Select(i => i.DueDate).Order(), page.Items.Select(i => i.DueDate));
        }
    }

    private static string[] Search(LiteDbStore store, string text) =>
        store.Query(new ReviewQuery { CaseIdContains = text }).Items.Select(r => r.CaseId).Order(StringComparer.Ordinal).ToArray();

    private static void Submit(LiteDbStore store, params (string Id, string CaseId)[] reviews)
    {
        foreach (var (id, caseId) in reviews)
        {
            Assert.Equal(AppendStatus.Appended, store.Append(new AppendBatch(At, [Entry(id)], id, 0, Index(id, caseId))).Status);
        }
    }

    private static ReviewIndexEntry Index(string id, string caseId) =>
        StoreAppends.Index(id, caseId, caseId.StartsWith("NYNC", StringComparison.Ordinal) ? "nync" : "scjg");
}
