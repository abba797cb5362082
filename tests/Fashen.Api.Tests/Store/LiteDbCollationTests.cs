using System.Globalization;
using Fashen.Engine.Reviews;
using Fashen.Store;
using LiteDB;
using static Fashen.Api.Tests.Store.StoreAppends;

namespace Fashen.Api.Tests.Store;

/// <summary>The LiteDB file compares ids byte for byte. A data folder made by an older Fashen, whose file compared them by
/// culture ignoring case, is migrated once when opened, with a copy of the old file kept beside it; nothing is merged.</summary>
public sealed class LiteDbCollationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fashen-collation-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void NewFile_ComparesIdsByteForByte()
    {
        using (var store = new LiteDbStore(_folder))
        {
            store.Append(new AppendBatch(At, [Entry("a")], Classification: new ClassificationRecord("scjg", "ABC", "major", ["R1"], "sha256:1")));
            store.Append(new AppendBatch(At, [Entry("b")], Classification: new ClassificationRecord("scjg", "abc", "minor", [], "sha256:2")));
        }

        using var reopened = new LiteDbStore(_folder);
        Assert.Equal("major", reopened.LastClassification("scjg", "ABC")!.Classification);
        Assert.Equal("minor", reopened.LastClassification("scjg", "abc")!.Classification);
        Assert.Null(reopened.LastClassification("scjg", "Abc"));
        Assert.Null(reopened.LastClassification("scjg", "ABC\u200b"));
        Assert.False(File.Exists(Path.Combine(_folder, "fashen.before-ordinal.db")));
    }

    [Fact]
    public void FileOfAnOlderFashen_IsMigratedOnce_WithACopyKept_AndKeepsEverything()
    {
        // As LiteDB made it by default: compared by culture, ignoring case.
        var path = Path.Combine(_folder, LiteDbStore.FileName);
        using (var old = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Collation = new Collation(127, CompareOptions.IgnoreCase) }))
        {
            old.GetCollection("classifications").Insert(new BsonDocument
            {
                ["_id"] = "scjg\u001fABC", ["classification"] = "major", ["rules"] = new BsonArray(new BsonValue("R1")), ["digest"] = "sha256:1",
            });
            old.GetCollection("meta").Insert(new BsonDocument { ["_id"] = "marker" });
            Assert.NotNull(old.GetCollection("classifications").FindById("scjg\u001fabc"));
        }

        using (var store = new LiteDbStore(_folder))
        {
            Assert.Equal("major", store.LastClassification("scjg", "ABC")!.Classification);
            Assert.Null(store.LastClassification("scjg", "abc"));
            store.Append(new AppendBatch(At, [Entry("after")], Classification: new ClassificationRecord("scjg", "abc", "minor", [], "sha256:2")));
            Assert.Equal("major", store.LastClassification("scjg", "ABC")!.Classification);
        }

        var backup = Path.Combine(_folder, "fashen.before-ordinal.db");
        Assert.True(File.Exists(backup));
        using (var copy = new LiteDatabase($"Filename={backup};Connection=direct;ReadOnly=true"))
        {
            Assert.Equal(CompareOptions.IgnoreCase, copy.Collation.SortOptions);
        }

        using var migrated = new LiteDatabase($"Filename={path};Connection=direct;ReadOnly=true");
        Assert.Equal(CompareOptions.Ordinal, migrated.Collation.SortOptions);
        Assert.NotNull(migrated.GetCollection("meta").FindById("marker"));
        Assert.Equal(2, migrated.GetCollection("classifications").Count());
    }
}
