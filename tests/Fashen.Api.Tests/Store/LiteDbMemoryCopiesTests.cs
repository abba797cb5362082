using Fashen.Engine.Access;
using Fashen.Engine.Reviews;
using Fashen.Store;
using static Fashen.Api.Tests.Store.StoreAppends;

namespace Fashen.Api.Tests.Store;

/// <summary>What the embedded store answers from memory (API clients, each case's last classification) is always
/// what the file holds: a change shows at once, a refused write never shows, and reopening finds the same.</summary>
public sealed class LiteDbMemoryCopiesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fashen-memory-copies-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ApiClient_DisabledOrChanged_ShowsAtOnce_AndAfterReopening()
    {
        using (var store = new LiteDbStore(_folder))
        {
            Assert.Null(store.FindApiClient("c1"));
            store.SaveApiClient(new ApiClient("c1", "案件系统", "hash1", ["scjg"], false));
            Assert.False(store.FindApiClient("c1")!.Disabled);

            store.SaveApiClient(new ApiClient("c1", "案件系统", "hash2", ["scjg", "nync"], true));
            var changed = store.FindApiClient("c1")!;
            Assert.True(changed.Disabled);
            Assert.Equal("hash2", changed.SecretHash);
            Assert.Equal(["scjg", "nync"], changed.Departments);
        }

        using var reopened = new LiteDbStore(_folder);
        Assert.True(reopened.FindApiClient("c1")!.Disabled);
        Assert.Null(reopened.FindApiClient("c2"));
    }

    [Fact]
    public void LastClassification_IsTheLastCommitted_AndAfterReopening()
    {
        using (var store = new LiteDbStore(_folder))
        {
            Assert.Null(store.LastClassification("scjg", "A1"));
            Classify(store, "A1", "major", "R1");
            Classify(store, "A1", "not_major");
            Classify(store, "B1", "major", "R2", "R3");

            Assert.Equal("not_major", store.LastClassification("scjg", "A1")!.Classification);
            Assert.Equal(["R2", "R3"], store.LastClassification("scjg", "B1")!.RuleIds);
            Assert.Null(store.LastClassification("nync", "A1"));
        }

        using var reopened = new LiteDbStore(_folder);
        Assert.Equal("not_major", reopened.LastClassification("scjg", "A1")!.Classification);
        Assert.Equal(["R2", "R3"], reopened.LastClassification("scjg", "B1")!.RuleIds);
    }

    [Fact]
    public void LastClassification_OfARefusedSubmission_IsNotRemembered()
    {
        using var store = new LiteDbStore(_folder);
        Classify(store, "A1", "major", "R1");
        var index = Index("V1", "A1");
        Assert.Equal(AppendStatus.Appended, store.Append(new AppendBatch(At, [Entry("submitted")], "V1", 0, index)).Status);

        // A second submission for a case with an open review is refused, and with it the classification it carried.
        var refused = new AppendBatch(At, [Entry("submitted again")], "V2", 0, Index("V2", "A1"), Classification: Record("A1", "not_major"));
        Assert.Equal(AppendStatus.OpenReviewExists, store.Append(refused).Status);

        Assert.Equal("major", store.LastClassification("scjg", "A1")!.Classification);
    }

    private static void Classify(LiteDbStore store, string caseId, string classification, params string[] rules) =>
        Assert.Equal(AppendStatus.Appended, store.Append(new AppendBatch(At, [Entry(caseId)], Classification: Record(caseId, classification, rules))).Status);

    private static ClassificationRecord Record(string caseId, string classification, params string[] rules) =>
        new("scjg", caseId, classification, rules, "sha256:" + caseId);
}
