using Fashen.Engine.Reviews;
using Fashen.Store;
using static Fashen.Api.Tests.Store.StoreAppends;

namespace Fashen.Api.Tests.Store;

/// <summary>The queue on the embedded store, which answers from the reviews' summaries held in memory and reads only
/// the page's reviews from the file.</summary>
public sealed class LiteDbQueueTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 3, 16);

    private readonly string _folder = Directory.CreateTempSubdirectory("fashen-queue-").FullName;

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

    [Fact]
    public void Queries_GiveWhatFilteringEveryReviewGives_InDueOrder_BeforeAndAfterReopening()
    {
        var departments = new[] { "scjg", "nync", "sthj" };
        var states = Enum.GetValues<ReviewState>();
        var reviews = Enumerable.Range(1, 600).Select(n => new ReviewIndexEntry(
            $"R{n:0000}", departments[n % 3], n % 3 == 0 ? $"C〔{n:0000}〕" : n % 2 == 0 ? $"C-{n:0000}" : $"c-{n:0000}", n % 4 == 0 ? "licence" : "penalty", states[n % states.Length],
            n % 5 != 0, n % 11 == 0 ? null : Today.AddDays((n % 37) - 18), 1, At, At, null, "sha256:0", "题", n % 4 == 1, n % 6 == 0)).ToList();
        var open = states.Where(s => !s.IsClosed()).ToArray();
        var queries = new List<ReviewQuery>
        {
            new(), new() { Page = 3, PageSize = 50 }, new() { Page = 40 },
            new() { VisibleDepartments = ["scjg", "nync"], States = open },
            new() { Department = "sthj", States = [ReviewState.Approved, ReviewState.Rejected], PageSize = 7, Page = 2 },
            new() { Action = "licence" }, new() { CounselPendingOnly = true }, new() { ExtensionPendingOnly = true, States = open },
            new() { CaseIdContains = " c-00 " }, new() { CaseIdContains = "-01", Due = DueState.Overdue },
            new() { CaseIdContains = "%" }, new() { CaseIdContains = "_" }, new() { CaseIdContains = "[00" }, new() { CaseIdContains = "(0012)" },
        };
        queries.AddRange(Enum.GetValues<DueState>().Select(due => new ReviewQuery { Due = due, PageSize = 30 }));

        using (var store = new LiteDbStore(_folder))
        {
            Parallel.ForEach(reviews, new ParallelOptions { MaxDegreeOfParallelism = 32 }, index =>
                Assert.Equal(AppendStatus.Appended, store.Append(new AppendBatch(At, [Entry(index.ReviewId)], index.ReviewId, 0, index)).Status));
            AssertQueries(store);
        }

        using var reopened = new LiteDbStore(_folder);
        AssertQueries(reopened);

        void AssertQueries(LiteDbStore store)
        {
            foreach (var asked in queries)
            {
                var query = asked with { Today = Today, NextWorkingDay = Today.AddDays(1) };
                var expected = reviews.Where(r =>
                        (query.VisibleDepartments is null || query.VisibleDepartments.Contains(r.Department))
                        && (query.Department is null || r.Department == query.Department)
                        && (query.States.Count == 0 || query.States.Contains(r.State))
                        && (query.Action is null || r.Action == query.Action)
                        && (!query.CounselPendingOnly || r.CounselPending)
                        && (!query.ExtensionPendingOnly || r.ExtensionPending)
                        && (query.Due is null || DueStates.Of(r.State, r.Running, r.DueDate, Today, Today.AddDays(1)) == query.Due)
                        && (query.CaseIdContains is null || CaseNumbers.Fold(r.CaseId).Contains(CaseNumbers.Fold(query.CaseIdContains.Trim()), StringComparison.Ordinal)))
                    .OrderBy(r => r.DueDate ?? DateOnly.MaxValue).ThenBy(r => r.ReviewId, StringComparer.Ordinal)
                    .ToList();
                var page = store.Query(query);

                Assert.Equal(expected.Count, page.Total);
                Assert.Equal(
                    expected.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(r => r.ReviewId),
                    page.Items.Select(r => r.ReviewId));
            }
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
