using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Store;
using Fashen.Store.PostgreSql;
using Npgsql;
using static Fashen.Api.Tests.Store.StoreAppends;

namespace Fashen.Api.Tests.SharedStore;

/// <summary>The PostgreSQL store on its own: schema creation and migration, appends from several processes'
/// worth of connections at once, and a record the database itself keeps append-only.</summary>
public sealed class PostgreSqlStoreTests : IDisposable
{
    private readonly string _schema = TestPostgreSql.NewSchema();

    public void Dispose() => TestPostgreSql.Drop(_schema);

    [Fact]
    public async Task Instances_StartingTogether_CreateTheSchemaOnce()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new PostgreSqlStore(TestPostgreSql.ConnectionString, _schema))));
        foreach (var store in stores)
        {
            store.Dispose();
        }

        using var connection = TestPostgreSql.Open(_schema);
        using var command = new NpgsqlCommand("SELECT count(*), max(version) FROM schema_migrations", connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(PostgreSqlSchema.Migrations.Count, reader.GetInt64(0));
        Assert.Equal(PostgreSqlSchema.Migrations[^1].Version, reader.GetInt32(1));
    }

    [Fact]
    public void Schema_OfAnOlderFashen_IsMigratedWhenOpened_KeepingItsRecord()
    {
        // A schema as the first release left it: migration 1 only, with a record in it.
        using (var store = new PostgreSqlStore(TestPostgreSql.ConnectionString, _schema))
        {
            store.Append(new AppendBatch(At, [Entry("before the upgrade")]));
        }

        Execute("DELETE FROM schema_migrations WHERE version > 1");
        Execute("DROP INDEX reviews_open_by_due");
        Execute("DROP INDEX IF EXISTS reviews_case_trigrams");
        Execute("DROP TABLE sign_in_failures");
        Execute("DROP INDEX entries_alerts");
        Execute("DROP TABLE files; DROP TABLE file_chunks; DROP FUNCTION refuse_file_change()");
        Execute("DROP INDEX entries_outcomes");
        Execute("DROP TABLE webhooks; DROP TABLE webhook_deliveries; DROP TABLE webhook_cursor; DROP TABLE file_holders; DROP TABLE publications");

        using var upgraded = new PostgreSqlStore(TestPostgreSql.ConnectionString, _schema);

        Assert.Equal(PostgreSqlSchema.Migrations[^1].Version, (int)Scalar("SELECT max(version) FROM schema_migrations"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'reviews_open_by_due' AND schemaname = current_schema()"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM sign_in_failures"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'entries_alerts' AND schemaname = current_schema()"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM file_chunks"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'entries_outcomes' AND schemaname = current_schema()"));
        Assert.Equal(0L, Scalar("SELECT sequence FROM webhook_cursor"));
        Assert.Equal("\"before the upgrade\"", Assert.Single(upgraded.ReadAll()).Data);
    }

    [Fact]
    public void CaseSearch_UsesTheTrigramIndex_AndTakesWildcardsLiterally()
    {
        using var store = new PostgreSqlStore(TestPostgreSql.ConnectionString, _schema);
        foreach (var (id, caseId) in new[] { ("R1", "A_1号"), ("R2", "AB1号"), ("R3", "A%2号"), ("R4", "ab12号"), ("R5", "桓市监罚〔2026〕118号") })
        {
            var index = Index(id, caseId);
            Assert.Equal(AppendStatus.Appended, store.Append(new AppendBatch(At, [Entry(id)], id, 0, index)).Status);
        }

        string[] Search(string text) => store.Query(new ReviewQuery { CaseIdContains = text }).Items.Select(r => r.CaseId).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["A_1号"], Search("_1"));
        Assert.Equal(["A%2号"], Search("%"));
        Assert.Equal(["A_1号"], Search("a_1"));
        Assert.Equal(["AB1号", "ab12号"], Search("B1"));

        // Brackets as people type them, and full-width digits, find the case number as documents write it.
        foreach (var typed in new[] { "[2026]", "【2026】", "(2026)118", "（2026）", "〔２０２６〕" })
        {
            Assert.Equal(["桓市监罚〔2026〕118号"], Search(typed));
        }

        Assert.Equal(1L, Scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'reviews_case_folded_trigrams' AND schemaname = current_schema()"));
    }

    [Fact]
    public void Schema_MigratedByANewerFashen_IsRefusedWithAClearMessage()
    {
        new PostgreSqlStore(TestPostgreSql.ConnectionString, _schema).Dispose();
        using (var connection = TestPostgreSql.Open(_schema))
        using (var command = new NpgsqlCommand("INSERT INTO schema_migrations (version, description) VALUES (999, 'from the future')", connection))
        {
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StoreSchemaException>(() => new PostgreSqlStore(TestPostgreSql.ConnectionString, _schema));

        Assert.Contains("999", error.Message, StringComparison.Ordinal);
        Assert.Contains("请先升级 Fashen", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Store_WithoutAConnectionString_IsRefusedWithAClearMessage()
    {
        var error = Assert.Throws<StoreSchemaException>(() => new StoreSettings(StoreKind.PostgreSql, "unused").Open());

        Assert.Contains("Fashen__PostgreSql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appends_FromManyConnectionsOfTwoStores_FormOneChainWithoutGaps()
    {
        using var first = new PostgreSqlStore(TestPostgreSql.ConnectionString, _schema);
        using var second = new PostgreSqlStore(TestPostgreSql.ConnectionString, _schema);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(writer => Task.Run(() =>
        {
            var store = writer % 2 == 0 ? first : second;
            for (var i = 0; i < 25; i++)
            {
                var entries = Enumerable.Range(0, 1 + (i % 3)).Select(n => Entry($"writer {writer}, batch {i}, entry {n}")).ToList();
                Assert.Equal(AppendStatus.Appended, store.Append(new AppendBatch(At, entries)).Status);
            }
        })));

        var record = first.ReadAll().ToList();
        Assert.Equal(16 * ((9 * 1) + (8 * 2) + (8 * 3)), record.Count);
        Assert.Equal(Enumerable.Range(1, record.Count).Select(n => (long)n), record.Select(e => e.Sequence));
        var verification = AuditChain.Verify(record, second.Head());
        Assert.True(verification.Valid, verification.Problem);
    }

    [Fact]
    public void Record_IsAppendOnly_InTheDatabaseItself()
    {
        using var store = new PostgreSqlStore(TestPostgreSql.ConnectionString, _schema);
        store.Append(new AppendBatch(At, [Entry("first")]));
        using var connection = TestPostgreSql.Open(_schema);

        foreach (var sql in new[] { "UPDATE entries SET data = 'changed'", "DELETE FROM entries", "TRUNCATE entries" })
        {
            using var command = new NpgsqlCommand(sql, connection);
            var error = Assert.Throws<PostgresException>(() => command.ExecuteNonQuery());
            Assert.Contains("全过程记录只能追加", error.MessageText, StringComparison.Ordinal);
        }

        Assert.Equal("\"first\"", Assert.Single(store.ReadAll()).Data);
    }

    private void Execute(string sql)
    {
        using var connection = TestPostgreSql.Open(_schema);
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private object Scalar(string sql)
    {
        using var connection = TestPostgreSql.Open(_schema);
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar()!;
    }
}
