using Fashen.Api.Access;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Store;
using LiteDB;

namespace Fashen.Cli.Tests;

/// <summary>The commands that work on a data folder: verifying the record, adding accounts and keys.</summary>
public sealed class DataCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fashen-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AuditVerify_IntactRecord_ExitsZero()
    {
        WriteRecord(entries: 3);

        var (exit, output, error) = Fashen.Run("audit", "verify", "--data", _folder);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("全过程记录完整：共 3 条，哈希链无断裂。链头 sha256:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditVerify_EditedDatabaseFile_ExitsOneAndNamesTheEntry()
    {
        WriteRecord(entries: 3);
        using (var db = new LiteDatabase($"Filename={Path.Combine(_folder, LiteDbStore.FileName)};Connection=direct"))
        {
            var entries = db.GetCollection("entries");
            var second = entries.FindById(2);
            second["data"] = "{\"n\":20}";
            entries.Update(second);
        }

        var (exit, output, _) = Fashen.Run("audit", "verify", "--data", _folder);

        Assert.Equal(1, exit);
        Assert.Equal("全过程记录被改动过：第 2 条记录的内容与其哈希不符：该记录被改动过。（前 1 条完好）\n", output.Replace("\r\n", "\n"));
    }

    [Fact]
    public void AuditVerify_LastEntryRemoved_ExitsOne()
    {
        WriteRecord(entries: 3);
        using (var db = new LiteDatabase($"Filename={Path.Combine(_folder, LiteDbStore.FileName)};Connection=direct"))
        {
            db.GetCollection("entries").Delete(3);
        }

        var (exit, output, _) = Fashen.Run("audit", "verify", "--data", _folder);

        Assert.Equal(1, exit);
        Assert.Contains("末尾的记录可能被删除或替换过", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditVerify_FolderInUse_ExitsOneAndSaysWhy()
    {
        WriteRecord(entries: 1);
        using var running = new LiteDbStore(_folder);

        var (exit, _, error) = Fashen.Run("audit", "verify", "--data", _folder);

        Assert.Equal(1, exit);
        Assert.Contains("正被另一个 Fashen 进程使用", error, StringComparison.Ordinal);
        Assert.Contains("GET /v1/record/verification", error, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysAdd_FolderInUse_ExitsOneWithoutAKey()
    {
        using var running = new LiteDbStore(_folder);

        var (exit, output, error) = Fashen.Run("keys", "add", "--data", _folder, "--name", "市场监管案件系统", "--departments", "scjg");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("正被另一个 Fashen 进程使用", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditVerify_NoRecord_ExitsOne()
    {
        var (exit, _, error) = Fashen.Run("audit", "verify", "--data", _folder);

        Assert.Equal(1, exit);
        Assert.Contains("中没有记录", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AccountsAdd_PrintsAPasswordThatSignsIn_Once()
    {
        var (exit, output, _) = Fashen.Run("accounts", "add", "--data", _folder, "--username", "liu.yang", "--name", "刘洋",
            "--roles", "reviewer", "--departments", "scjg,sthj", "--qualified");

        Assert.Equal(0, exit);
        var password = output.Split("初始密码：")[1].Split('（')[0];
        using (var store = new LiteDbStore(_folder))
        {
            var account = store.FindAccount("liu.yang")!;
            Assert.True(Credentials.PasswordMatches(account, password));
            Assert.False(Credentials.PasswordMatches(account, password + "x"));
            Assert.Equal([Role.Reviewer], account.Roles);
            Assert.Equal(["scjg", "sthj"], account.Departments);
            Assert.DoesNotContain(password, account.PasswordHash, StringComparison.Ordinal);
        }

        var (again, _, error) = Fashen.Run("accounts", "add", "--data", _folder, "--username", "liu.yang", "--name", "刘洋",
            "--roles", "reviewer", "--departments", "scjg");
        Assert.Equal(1, again);
        Assert.Contains("已存在", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AccountsAdd_UnknownRole_IsAUsageError()
    {
        var (exit, _, error) = Fashen.Run("accounts", "add", "--data", _folder, "--username", "a", "--name", "甲", "--roles", "judge", "--departments", "scjg");

        Assert.Equal(2, exit);
        Assert.Contains("未知的角色“judge”", error, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysAdd_PrintsAKeyThatMatchesOnlyItself()
    {
        var (exit, output, _) = Fashen.Run("keys", "add", "--data", _folder, "--name", "市场监管案件系统", "--departments", "scjg");

        Assert.Equal(0, exit);
        var key = output.Split("：")[^1].Trim();
        Assert.True(Credentials.TryParseApiKey(key, out var id, out var secret));
        using var store = new LiteDbStore(_folder);
        var client = store.FindApiClient(id)!;
        Assert.True(Credentials.SecretMatches(client, secret));
        Assert.False(Credentials.SecretMatches(client, secret[..^1] + (secret[^1] == 'a' ? 'b' : 'a')));
        Assert.Equal(["scjg"], client.Departments);
    }

    // Appends entries through the store, as the service does.
    private void WriteRecord(int entries)
    {
        using var store = new LiteDbStore(_folder);
        for (var n = 1; n <= entries; n++)
        {
            store.Append(new AppendBatch(
                new DateTimeOffset(2026, 3, 2, 9, n, 0, TimeSpan.FromHours(8)),
                [new PendingEntry("test.entry", null, null, Actor.System, $"{{\"n\":{n}}}")]));
        }
    }
}
