using System.Security.Cryptography;
using Fashen.Api.Access;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Store;
using Fashen.Store.PostgreSql;
using Npgsql;

namespace Fashen.Cli.Tests;

/// <summary>The data commands on a shared PostgreSQL store, named as the service names it: by the environment.</summary>
public sealed class PostgreSqlDataCommandsTests : IDisposable
{
    private readonly string _schema = TestPostgreSql.NewSchema();
    private readonly Dictionary<string, string> _environment;

    public PostgreSqlDataCommandsTests()
    {
        _environment = new()
        {
            ["Fashen__Store"] = "PostgreSql",
            ["Fashen__PostgreSql"] = TestPostgreSql.ConnectionString,
            ["Fashen__PostgreSqlSchema"] = _schema,
        };
    }

    public void Dispose() => TestPostgreSql.Drop(_schema);

    [Fact]
    public void AccountsAndKeys_AreAddedToTheDatabase()
    {
        var (accountExit, accountOutput, _) = Fashen.RunWith(_environment, "accounts", "add", "--username", "liu.yang", "--name", "刘洋",
            "--roles", "reviewer", "--departments", "scjg");
        var (keyExit, keyOutput, _) = Fashen.RunWith(_environment, "keys", "add", "--name", "市场监管案件系统", "--departments", "scjg");

        Assert.Equal(0, accountExit);
        Assert.Equal(0, keyExit);
        using var store = new PostgreSqlStore(TestPostgreSql.ConnectionString, _schema);
        var password = accountOutput.Split("初始密码：")[1].Split('（')[0];
        Assert.True(Credentials.PasswordMatches(store.FindAccount("liu.yang")!, password));
        Assert.True(Credentials.TryParseApiKey(keyOutput.Split("：")[^1].Trim(), out var id, out var secret));
        Assert.True(Credentials.SecretMatches(store.FindApiClient(id)!, secret));
    }

    [Fact]
    public void KeyEncryptionRotate_EncryptsEveryKeyWithTheNewKey_InOneStep_AndRecordsIt()
    {
        var current = RandomNumberGenerator.GetBytes(32);
        var next = RandomNumberGenerator.GetBytes(32);
        using (var store = new PostgreSqlStore(TestPostgreSql.ConnectionString, _schema))
        {
            var keys = new EncryptedSharedKeys(store.SharedKeys, current);
            keys.Add("permit-signing-key", "the signing key");
            keys.Add("dataprotection.key-1", "<key/>");
        }

        // Without the new key, or with the wrong current one, nothing changes.
        var (missing, _, missingError) = Fashen.RunWith(_environment, "key-encryption", "rotate");
        Assert.Equal(2, missing);
        Assert.Contains("Fashen__NewKeyEncryptionKey", missingError, StringComparison.Ordinal);
        var wrong = new Dictionary<string, string>(_environment)
        {
            ["Fashen__KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Fashen__NewKeyEncryptionKey"] = Convert.ToBase64String(next),
        };
        var (refused, _, refusedError) = Fashen.RunWith(wrong, "key-encryption", "rotate");
        Assert.Equal(1, refused);
        Assert.Contains("无法用配置的密钥加密密钥解开", refusedError, StringComparison.Ordinal);

        var environment = new Dictionary<string, string>(wrong) { ["Fashen__KeyEncryptionKey"] = Convert.ToBase64String(current) };
        var (exit, output, error) = Fashen.RunWith(environment, "key-encryption", "rotate");

        Assert.True(exit == 0, output + error);
        Assert.Contains("重新加密 2 个共享密钥", output, StringComparison.Ordinal);
        using (var store = new PostgreSqlStore(TestPostgreSql.ConnectionString, _schema))
        {
            Assert.Equal(["<key/>", "the signing key"], new EncryptedSharedKeys(store.SharedKeys, next).List(string.Empty).Select(k => k.Value));
            Assert.Throws<SharedKeyEncryptionException>(() => new EncryptedSharedKeys(store.SharedKeys, current).List(string.Empty));
            Assert.Contains(store.ReadAll(), e => e.Type == "keys.rotated" && e.Data.Contains("permit-signing-key", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AuditVerify_FindsAnEditMadeInTheDatabase()
    {
        using (var store = new PostgreSqlStore(TestPostgreSql.ConnectionString, _schema))
        {
            for (var n = 1; n <= 3; n++)
            {
                store.Append(new AppendBatch(new DateTimeOffset(2026, 3, 2, 9, n, 0, TimeSpan.FromHours(8)),
                    [new PendingEntry("test.entry", null, null, Actor.System, $"{{\"n\":{n}}}")]));
            }
        }

        var (exit, output, _) = Fashen.RunWith(_environment, "audit", "verify");
        Assert.Equal(0, exit);
        Assert.StartsWith("全过程记录完整：共 3 条", output, StringComparison.Ordinal);

        using (var connection = TestPostgreSql.Open(_schema))
        using (var command = new NpgsqlCommand("SET session_replication_role = replica; UPDATE entries SET data = '{\"n\":20}' WHERE sequence = 2", connection))
        {
            command.ExecuteNonQuery();
        }

        (exit, output, _) = Fashen.RunWith(_environment, "audit", "verify");
        Assert.Equal(1, exit);
        Assert.Contains("第 2 条记录的内容与其哈希不符", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreachableDatabase_ExitsOneAndSaysWhich()
    {
        var environment = new Dictionary<string, string>(_environment) { ["Fashen__PostgreSql"] = "Host=127.0.0.1;Port=1;Username=fashen;Timeout=2" };

        var (exit, _, error) = Fashen.RunWith(environment, "audit", "verify");

        Assert.Equal(1, exit);
        Assert.Contains("无法连接或初始化 PostgreSQL 127.0.0.1:1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void StoreWithoutAConnectionString_ExitsOneAndSaysWhatToSet()
    {
        var (exit, _, error) = Fashen.RunWith(new Dictionary<string, string> { ["Fashen__Store"] = "PostgreSql" }, "keys", "add", "--name", "甲", "--departments", "scjg");

        Assert.Equal(1, exit);
        Assert.Contains("Fashen__PostgreSql", error, StringComparison.Ordinal);
    }
}
