using Fashen.Engine.Documents;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Npgsql;
using static Fashen.Api.Tests.Store.StoreAppends;

namespace Fashen.Api.Tests.Store;

/// <summary>The files of case files in both stores alike: kept once per SHA-256, read back whole and by range, never kept
/// when the bytes are not the ones named, and not changed or removed afterwards.</summary>
public sealed class FileStoreTests : EitherStore
{
    [Theory]
    [InlineData("litedb")]
    [InlineData("postgresql")]
    public void AFile_IsKeptOnce_AndReadBackWholeAndByRange(string kind)
    {
        using var store = Open(kind);

        // More than one PostgreSQL chunk, and not a whole number of them.
        var bytes = new byte[(1024 * 1024 * 2) + 12345];
        new Random(7).NextBytes(bytes);
        var sha = SampleFiles.Sha256(bytes);
        store.KeepBytes(sha, bytes.Length, new MemoryStream(bytes));
        store.KeepBytes(sha, bytes.Length, new MemoryStream(bytes));
        Assert.Null(store.OpenFile(sha));   // the bytes are kept, but the file is known only once its entry is written

        var file = new StoredFile(sha, bytes.Length, "video/mp4", At, "scjg-client");
        Assert.Equal(AppendStatus.Appended, store.Append(new AppendBatch(At, [FileEntry(sha)], File: file)).Status);
        Assert.Equal(AppendStatus.Appended, store.Append(new AppendBatch(At.AddMinutes(1), [FileEntry(sha)], File: file with { StoredBy = "another" })).Status);

        Assert.Equal(file, store.FindFile(sha));
        using var whole = store.OpenFile(sha)!;
        using var copy = new MemoryStream();
        whole.CopyTo(copy);
        Assert.Equal(bytes, copy.ToArray());

        using var ranged = store.OpenFile(sha)!;
        ranged.Position = (1024 * 1024) - 5;
        var range = new byte[10];
        ranged.ReadExactly(range);
        Assert.Equal(bytes.AsSpan((1024 * 1024) - 5, 10).ToArray(), range);
    }

    [Theory]
    [InlineData("litedb")]
    [InlineData("postgresql")]
    public void BytesThatAreNotTheOnesNamed_AreNotKept(string kind)
    {
        using var store = Open(kind);
        var bytes = SampleFiles.Pdf();
        var other = SampleFiles.Sha256(SampleFiles.Png());

        Assert.Throws<FileContentMismatchException>(() => store.KeepBytes(other, bytes.Length, new MemoryStream(bytes)));
        Assert.Throws<FileContentMismatchException>(() => store.KeepBytes(SampleFiles.Sha256(bytes), bytes.Length + 1, new MemoryStream(bytes)));

        // Nothing kept under either name: the right bytes are kept afterwards as if never tried.
        store.KeepBytes(other, SampleFiles.Png().Length, new MemoryStream(SampleFiles.Png()));
        store.Append(new AppendBatch(At, [FileEntry(other)], File: new StoredFile(other, SampleFiles.Png().Length, "image/png", At, "scjg-client")));
        using var read = store.OpenFile(other)!;
        Assert.Equal(SampleFiles.Png().Length, read.Length);
        if (kind == "litedb")
        {
            Assert.Empty(Directory.GetFiles(Path.Combine(Folder, "files", ".incoming")));
        }
    }

    [Fact]
    public void InPostgreSql_TheDatabaseRefusesToChangeOrRemoveAFile()
    {
        using var store = Open("postgresql");
        var bytes = SampleFiles.Pdf();
        var sha = SampleFiles.Sha256(bytes);
        store.KeepBytes(sha, bytes.Length, new MemoryStream(bytes));
        store.Append(new AppendBatch(At, [FileEntry(sha)], File: new StoredFile(sha, bytes.Length, "application/pdf", At, "scjg-client")));

        foreach (var change in new[] { "UPDATE file_chunks SET data = '\\x00'", "DELETE FROM file_chunks", "TRUNCATE file_chunks", "UPDATE files SET size = 1", "DELETE FROM files" })
        {
            using var connection = TestPostgreSql.Open(Schema);
            using var command = new NpgsqlCommand(change, connection);
            var refused = Assert.Throws<PostgresException>(() => command.ExecuteNonQuery());
            Assert.Contains("案卷文件只能加入", refused.MessageText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void InTheDataFolder_AKeptFileIsReadOnly()
    {
        using var store = Open("litedb");
        var bytes = SampleFiles.Pdf();
        var sha = SampleFiles.Sha256(bytes);
        store.KeepBytes(sha, bytes.Length, new MemoryStream(bytes));

        var path = Path.Combine(Folder, "files", sha[..2], sha);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
        }
    }

    private static PendingEntry FileEntry(string sha) =>
        new("file.stored", null, null, Actor.System, CanonicalJson.Serialize(new System.Text.Json.Nodes.JsonObject { ["sha256"] = sha }));
}
