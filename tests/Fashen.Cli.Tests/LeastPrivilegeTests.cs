using System.Net;
using System.Text;
using Npgsql;

namespace Fashen.Cli.Tests;

/// <summary>The schema owned by a migration role, two instances running as a service role given only what
/// <c>fashen database migrate --grant-to</c> gives: they work, and the service role cannot change the record past the
/// triggers (switch them off, drop them, update, delete, truncate, alter or drop the tables), so that whoever holds the
/// service's connection string cannot either.</summary>
public sealed class LeastPrivilegeTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("fashen-roles-").FullName;
    private readonly string _schema = TestPostgreSql.NewSchema();
    private readonly string _owner;
    private readonly string _service;

    public LeastPrivilegeTests()
    {
        _owner = _schema + "_owner";
        _service = _schema + "_service";
        AsAdministrator($"CREATE ROLE {_owner} LOGIN; CREATE ROLE {_service} LOGIN; GRANT CREATE ON DATABASE postgres TO {_owner}");
    }

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        TestPostgreSql.Drop(_schema);
        // What the migration role created outside the schema (the pg_trgm extension, when it was the first to need it) is
        // shared by the other tests' schemas: it is handed over, not dropped.
        AsAdministrator($"REASSIGN OWNED BY {_owner}, {_service} TO CURRENT_USER; DROP OWNED BY {_owner}, {_service}; DROP ROLE {_owner}; DROP ROLE {_service}");
    }

    [Fact]
    public async Task TheServiceRole_RunsTwoInstances_AndCannotChangeTheRecordPastTheTriggers()
    {
        var (exit, output, error) = Fashen.RunWith(Environment(_owner), "database", "migrate", "--grant-to", _service);
        Assert.True(exit == 0, output + error);

        // The service role alone may not create the schema: started on an empty one it says what to run.
        var (refused, _, refusedError) = Fashen.RunWith(Environment(_service, TestPostgreSql.NewSchema()), "audit", "verify");
        Assert.Equal(1, refused);
        Assert.Contains("fashen database migrate --grant-to", refusedError, StringComparison.Ordinal);

        // Two instances as the service role: both write.
        var settings = Environment(_service).ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => e.Value);
        using var first = await ServiceProcess.StartAsync(_data, settings);
        using var second = await ServiceProcess.StartAsync(_data, settings);
        var n = 0;
        foreach (var instance in new[] { first, second })
        {
            using var client = new HttpClient { BaseAddress = instance.Address };
            client.DefaultRequestHeaders.Add("X-Api-Key", ServiceProcess.ScjgKey(_data));
            using var response = await client.PostAsync("/v1/reviews", new StringContent(CrashRecoveryTests.Submission($"桓市监罚〔2026〕{++n}号"), Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        Assert.DoesNotContain("拥有全过程记录表的角色", first.Output, StringComparison.Ordinal);

        // What someone with the service's connection string would try, each refused by the database for want of privilege.
        foreach (var attempt in new[]
        {
            "ALTER TABLE entries DISABLE TRIGGER entries_append_only",
            "ALTER TABLE entries DISABLE TRIGGER ALL",
            "DROP TRIGGER entries_append_only ON entries",
            "DROP FUNCTION refuse_record_change() CASCADE",
            "SET session_replication_role = replica",
            "UPDATE entries SET data = '{}' WHERE sequence = 1",
            "DELETE FROM entries WHERE sequence = 1",
            "TRUNCATE entries",
            "DROP TABLE entries",
            "ALTER TABLE entries ADD COLUMN note text",
            "CREATE TABLE entries_copy (sequence bigint)",
            "UPDATE permits SET token = 'x'",
            "DELETE FROM permits",
            "UPDATE idempotency SET resource_id = 'x'",
            "DELETE FROM reviews",
            "TRUNCATE reviews",
            "DELETE FROM schema_migrations",
            "DELETE FROM file_chunks",
            "UPDATE files SET size = 0",
            "ALTER TABLE file_chunks DISABLE TRIGGER ALL",
        })
        {
            var exception = Assert.Throws<PostgresException>(() => As(_service, attempt));
            Assert.True(exception.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{attempt}: {exception.SqlState} {exception.MessageText}");
        }

        // The record is as the instances wrote it.
        var (verified, verification, verifyError) = Fashen.RunWith(Environment(_service), "audit", "verify");
        Assert.True(verified == 0, verification + verifyError);
    }

    [Fact]
    public void TheGrantsInTheReadme_AreTheOnesTheCommandGives()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        foreach (var statement in Store.PostgreSql.PostgreSqlStore.GrantStatements("fashen", "fashen_app"))
        {
            Assert.Contains(statement + ";", readme, StringComparison.Ordinal);
        }
    }

    private Dictionary<string, string> Environment(string role, string? schema = null) => new()
    {
        ["Fashen__Store"] = "PostgreSql",
        ["Fashen__PostgreSql"] = new NpgsqlConnectionStringBuilder(TestPostgreSql.ConnectionString) { Username = role }.ConnectionString,
        ["Fashen__PostgreSqlSchema"] = schema ?? _schema,
        ["Fashen__RequestBurst"] = "1000000",
        ["Fashen__RequestsPerSecond"] = "1000000",
    };

    private void As(string role, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(TestPostgreSql.ConnectionString) { Username = role, SearchPath = _schema, Pooling = false };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static void AsAdministrator(string sql)
    {
        using var connection = new NpgsqlConnection(TestPostgreSql.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
