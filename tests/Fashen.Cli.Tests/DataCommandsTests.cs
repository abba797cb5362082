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
        Assert.StartsWith("全过程记录完整：共 3 条，哈希链无断裂，每个审核的状态和每张许可凭证与记录相符，链头 sha256:", output, StringComparison.Ordinal);
        Assert.Contains("请在本系统之外留存（例如写入月度报告）：3:sha256:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditVerify_RecordRewrittenWithEveryHashRecomputed_IsFoundByTheAnchorKeptBefore()
    {
        WriteRecord(entries: 3);
        var anchor = AnchorPrinted();

        // Someone with the file changes entry 2 and recomputes every hash after it, and the stored head: the chain
        // alone no longer shows it.
        Rewrite(2, "{\"n\":20}");
        var (unanchored, _, _) = Fashen.Run("audit", "verify", "--data", _folder);
        var (exit, output, _) = Fashen.Run("audit", "verify", "--data", _folder, "--anchor", anchor);

        Assert.Equal(0, unanchored);
        Assert.Equal(1, exit);
        Assert.Contains("第 3 条记录的哈希与此前留存的 sha256:", output, StringComparison.Ordinal);
        Assert.Contains("在留存之后被改写过", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditVerify_AnchorBeyondTheEnd_ShowsTheRecordWasCut()
    {
        WriteRecord(entries: 3);
        var anchor = AnchorPrinted();
        using (var db = new LiteDatabase($"Filename={Path.Combine(_folder, LiteDbStore.FileName)};Connection=direct"))
        {
            var second = db.GetCollection("entries").FindById(2);
            db.GetCollection("entries").Delete(3);
            db.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "head", ["sequence"] = 2L, ["hash"] = second["hash"] });
        }

        var (exit, output, _) = Fashen.Run("audit", "verify", "--data", _folder, "--anchor", anchor);

        Assert.Equal(1, exit);
        Assert.Contains("此前留存的第 3 条记录已不存在：现在只有 2 条，记录被截短过", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha256:abc")]
    [InlineData("0:sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("3:md5:d41d8cd98f00b204e9800998ecf8427e")]
    public void AuditVerify_MalformedAnchor_IsAUsageError(string anchor)
    {
        WriteRecord(entries: 3);

        var (exit, _, error) = Fashen.Run("audit", "verify", "--data", _folder, "--anchor", anchor);

        Assert.Equal(2, exit);
        Assert.Contains($"--anchor 的值“{anchor}”应为上次校验打印的“序号:链头”", error, StringComparison.Ordinal);
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
        Assert.Contains("第 3 条记录缺失：保存的链头在第 3 条，现在只有 2 条，末尾的记录被删除过", output, StringComparison.Ordinal);
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

    // Verifies the record as it is and returns the anchor the command prints for keeping.
    private string AnchorPrinted()
    {
        var (exit, output, _) = Fashen.Run("audit", "verify", "--data", _folder);
        Assert.Equal(0, exit);
        return output.Split("：")[^1].Split("，")[0];
    }

    // Changes one entry's data behind the store's back, then recomputes its hash and every later entry's hashes and
    // the stored head, as someone hiding the change would.
    private void Rewrite(long sequence, string data)
    {
        List<AuditEntry> entries;
        using (var store = new LiteDbStore(_folder))
        {
            entries = store.ReadAll().ToList();
        }

        using var db = new LiteDatabase($"Filename={Path.Combine(_folder, LiteDbStore.FileName)};Connection=direct");
        var collection = db.GetCollection("entries");
        var previous = entries[(int)sequence - 2].Hash;
        foreach (var entry in entries.Skip((int)sequence - 1))
        {
            var changed = entry with { Data = entry.Sequence == sequence ? data : entry.Data, PreviousHash = previous };
            changed = changed with { Hash = AuditChain.ComputeHash(changed) };
            var document = collection.FindById(entry.Sequence);
            document["data"] = changed.Data;
            document["previousHash"] = changed.PreviousHash;
            document["hash"] = changed.Hash;
            collection.Update(document);
            previous = changed.Hash;
        }

        db.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = "head", ["sequence"] = (long)entries.Count, ["hash"] = previous });
    }

    // Appends entries through the store, as the service does.
    [Fact]
    public void Figures_CountAYearFromTheRecord_AsTextJsonAndASpreadsheet()
    {
        using (var store = new LiteDbStore(_folder))
        {
            void Write(int month, string type, string data) => store.Append(new AppendBatch(
                new DateTimeOffset(2026, month, 2, 9, 0, 0, TimeSpan.FromHours(8)), [new PendingEntry(type, null, "scjg", Actor.System, data)]));
            Write(3, "decision.classified", """{"caseId":"A","action":"行政处罚","classification":"major","rules":["SC-P-04"]}""");
            Write(4, "decision.classified", """{"caseId":"B","action":"行政处罚","classification":"not_major","rules":[]}""");
            Write(5, "decision.classified", """{"caseId":"B","action":"行政处罚","classification":"major","rules":["SC-P-01"]}""");
            Write(6, "decision.classified", """{"caseId":"C","action":"行政许可","classification":"not_major","rules":[]}""");
            Write(6, "decision.issued", """{"caseId":"C","action":"行政许可","classification":"not_major","publicationId":"G1","proposed":{"dueOn":"2026-07-10"}}""");
            Write(7, "publication.approved", """{"publicationId":"G1"}""");
            store.Append(new AppendBatch(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.FromHours(8)), [new PendingEntry("decision.classified", null, "scjg", Actor.System, """{"caseId":"D","action":"行政处罚","classification":"major","rules":[]}""")]));
        }

        var xlsx = Path.Combine(_folder, "figures.xlsx");
        var (exit, text, _) = Fashen.Run("figures", "--year", "2026", "--data", _folder);
        var (jsonExit, json, error) = Fashen.Run("figures", "--year", "2026", "--data", _folder, "--format", "json", "--xlsx", xlsx);

        Assert.Equal((0, 0), (exit, jsonExit));
        Assert.Contains("桓台县市场监督管理局\n  判定案件：3\n  其中重大：2\n  报告作出的决定：1\n", text, StringComparison.Ordinal);
        Assert.True(text.Contains("  按期公开：1\n  逾期公开：0\n", StringComparison.Ordinal), text);
        Assert.Contains("  行政处罚：判定 2（重大 2），报告作出 0（重大 0）\n  行政许可：判定 1（重大 0），报告作出 1（重大 0）\n", text, StringComparison.Ordinal);
        using var figures = System.Text.Json.JsonDocument.Parse(json);
        var scjg = Assert.Single(figures.RootElement.EnumerateArray());
        Assert.Equal(2, scjg.GetProperty("major").GetInt32());
        Assert.Equal(["SC-P-01", "SC-P-04"], scjg.GetProperty("majorByRule").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).Order());
        Assert.Contains("已写入", error, StringComparison.Ordinal);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(xlsx)[..2]);
    }

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
