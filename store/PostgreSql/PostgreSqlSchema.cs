using Npgsql;

namespace Fashen.Store.PostgreSql;

/// <summary>Creates and migrates Fashen's tables in a PostgreSQL schema. Each migration is applied once,
/// in order, in one transaction with the rest; instances starting at the same time take turns.</summary>
internal static class PostgreSqlSchema
{
    /// <summary>The migrations, oldest first, one statement per string (Npgsql writes the statements after the
    /// first of a multi-statement command on the thread pool, npgsql#3846). Never edit one that has shipped: add the next.</summary>
    internal static readonly IReadOnlyList<(int Version, string Description, string[] Statements)> Migrations =
    [
        (1, "record, review index, idempotency keys, permits, classifications, accounts, shared keys",
        [
            """
            CREATE TABLE entries (
                sequence      bigint PRIMARY KEY,
                at            text NOT NULL,
                type          text NOT NULL,
                review_id     text,
                department    text,
                actor_kind    text NOT NULL,
                actor_id      text NOT NULL,
                actor_name    text NOT NULL,
                data          text NOT NULL,
                previous_hash text NOT NULL,
                hash          text NOT NULL
            )
            """,
            "CREATE INDEX entries_review ON entries (review_id, sequence) WHERE review_id IS NOT NULL",
            // The record is only ever inserted into: an update, delete or truncate is refused by the database
            // itself, whichever program sends it. (Someone who may disable triggers can still edit it; the hash
            // chain then shows the edit when the record is verified.)
            """
            CREATE FUNCTION refuse_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '全过程记录只能追加，不能修改或删除（%）', TG_OP;
            END $$
            """,
            """
            CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON entries
                FOR EACH ROW EXECUTE FUNCTION refuse_record_change()
            """,
            """
            CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON entries
                FOR EACH STATEMENT EXECUTE FUNCTION refuse_record_change()
            """,
            // One row: the last entry's sequence and hash. Every append locks it first, so appends from any
            // number of instances take turns and the chain never forks.
            """
            CREATE TABLE chain_head (
                id       int PRIMARY KEY CHECK (id = 1),
                sequence bigint NOT NULL,
                hash     text
            )
            """,
            "INSERT INTO chain_head (id, sequence, hash) VALUES (1, 0, NULL)",
            """
            CREATE TABLE reviews (
                review_id         text PRIMARY KEY,
                department        text NOT NULL,
                case_id           text NOT NULL,
                action            text NOT NULL,
                state             text NOT NULL,
                open              boolean NOT NULL,
                running           boolean NOT NULL,
                due_key           int NOT NULL,
                version           bigint NOT NULL,
                submitted_at      text NOT NULL,
                updated_at        text NOT NULL,
                reviewer_id       text,
                reviewer_name     text,
                digest            text NOT NULL,
                title             text NOT NULL,
                counsel_pending   boolean NOT NULL,
                extension_pending boolean NOT NULL
            )
            """,
            "CREATE INDEX reviews_case ON reviews (department, case_id, submitted_at)",
            "CREATE INDEX reviews_due ON reviews (due_key, review_id)",
            "CREATE INDEX reviews_open_due ON reviews (department, due_key, review_id) WHERE open",
            // At most one open review per case, whichever instance submits it.
            "CREATE UNIQUE INDEX reviews_one_open_per_case ON reviews (department, case_id) WHERE open",
            """
            CREATE TABLE idempotency (
                scope        text NOT NULL,
                caller       text NOT NULL,
                key          text NOT NULL,
                request_hash text NOT NULL,
                resource_id  text NOT NULL,
                PRIMARY KEY (scope, caller, key)
            )
            """,
            """
            CREATE TABLE permits (
                id     text PRIMARY KEY,
                token  text NOT NULL,
                claims text NOT NULL
            )
            """,
            """
            CREATE TABLE classifications (
                department     text NOT NULL,
                case_id        text NOT NULL,
                classification text NOT NULL,
                rules          text[] NOT NULL,
                digest         text NOT NULL,
                PRIMARY KEY (department, case_id)
            )
            """,
            """
            CREATE TABLE accounts (
                id                  text PRIMARY KEY,
                username            text NOT NULL UNIQUE,
                display_name        text NOT NULL,
                password_hash       text NOT NULL,
                roles               text[] NOT NULL,
                departments         text[] NOT NULL,
                first_time_reviewer boolean NOT NULL,
                legal_qualification boolean NOT NULL,
                disabled            boolean NOT NULL
            )
            """,
            """
            CREATE TABLE api_clients (
                id          text PRIMARY KEY,
                name        text NOT NULL,
                secret_hash text NOT NULL,
                departments text[] NOT NULL,
                disabled    boolean NOT NULL
            )
            """,
            // Keys every instance must share: the permit signing key, the sign-in token keys.
            """
            CREATE TABLE shared_keys (
                name  text PRIMARY KEY,
                value text NOT NULL
            )
            """,
        ]),
        (2, "the open queue of every department in due order",
        [
            // Measured at 100,000 reviews: without it the first page of the open queue sorted every open review.
            "CREATE INDEX reviews_open_by_due ON reviews (due_key, review_id) WHERE open",
        ]),
        (3, "case-number search by trigrams, where the database allows the pg_trgm extension",
        [
            // pg_trgm ships with PostgreSQL and is trusted (a database owner may add it), but a locked-down server
            // may still refuse it: then the search stays a scan, and nothing else changes.
            """
            DO $$
            DECLARE
                home name;
            BEGIN
                -- One extension per database, wherever it was installed (public when Fashen installs it), so that
                -- several Fashen schemas in one database share it and dropping one of them keeps it.
                CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
                SELECT extnamespace::regnamespace::name INTO home FROM pg_extension WHERE extname = 'pg_trgm';
                EXECUTE format('CREATE INDEX reviews_case_trigrams ON reviews USING gin (lower(case_id) %I.gin_trgm_ops)', home);
            EXCEPTION WHEN OTHERS THEN
                RAISE NOTICE 'case-number search without a trigram index: %', SQLERRM;
            END $$
            """,
        ]),
        (4, "failed sign-ins counted by every instance together",
        [
            // Kept per instance before: behind a load balancer a guesser got each instance's allowance.
            """
            CREATE TABLE sign_in_failures (
                key     text PRIMARY KEY,
                count   int NOT NULL,
                last_at timestamptz NOT NULL
            )
            """,
        ]),
        (5, "alerts in the record, listed newest first for admins and supervisors",
        [
            // Alerts are few among the entries; a partial index finds them without the writer paying for every entry.
            "CREATE INDEX entries_alerts ON entries (sequence) WHERE type LIKE 'alert.%'",
        ]),
        (6, "the case file: files kept once per SHA-256, never changed or deleted",
        [
            """
            CREATE TABLE files (
                sha256       text PRIMARY KEY,
                size         bigint NOT NULL,
                content_type text NOT NULL,
                stored_at    text NOT NULL,
                stored_by    text NOT NULL,
                external     text
            )
            """,
            // The bytes in rows of a mebibyte (bytea): plain rows are in every backup and dump, replicated, and dropped with
            // the schema, which large objects are not; and a range of a video is one row.
            """
            CREATE TABLE file_chunks (
                sha256 text NOT NULL,
                n      int NOT NULL,
                data   bytea NOT NULL,
                PRIMARY KEY (sha256, n)
            )
            """,
            """
            CREATE FUNCTION refuse_file_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '案卷文件只能加入，不能修改或删除（%）', TG_OP;
            END $$
            """,
            "CREATE TRIGGER files_append_only BEFORE UPDATE OR DELETE ON files FOR EACH ROW EXECUTE FUNCTION refuse_file_change()",
            "CREATE TRIGGER files_no_truncate BEFORE TRUNCATE ON files FOR EACH STATEMENT EXECUTE FUNCTION refuse_file_change()",
            "CREATE TRIGGER file_chunks_append_only BEFORE UPDATE OR DELETE ON file_chunks FOR EACH ROW EXECUTE FUNCTION refuse_file_change()",
            "CREATE TRIGGER file_chunks_no_truncate BEFORE TRUNCATE ON file_chunks FOR EACH STATEMENT EXECUTE FUNCTION refuse_file_change()",
        ]),
        (7, "review opinions numbered by their place among the department's outcomes of the year",
        [
            // Outcomes are few among the entries; the partial index counts a department's without reading the others.
            "CREATE INDEX entries_outcomes ON entries (department, sequence) WHERE type = 'review.decided'",
        ]),
        (8, "webhook endpoints, and the outbox of their deliveries made from the record",
        [
            """
            CREATE TABLE webhooks (
                id         text PRIMARY KEY,
                client_id  text NOT NULL,
                department text NOT NULL,
                url        text NOT NULL,
                events     text[] NOT NULL,
                created_at text NOT NULL,
                removed_at text
            )
            """,
            """
            CREATE TABLE webhook_deliveries (
                id              text PRIMARY KEY,
                webhook_id      text NOT NULL,
                event_id        text NOT NULL,
                event_type      text NOT NULL,
                sequence        bigint NOT NULL,
                payload         text NOT NULL,
                status          text NOT NULL,
                attempts        int NOT NULL,
                next_attempt_at timestamptz NOT NULL,
                last_error      text,
                updated_at      timestamptz NOT NULL
            )
            """,
            "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, sequence) WHERE status = 'pending'",
            "CREATE INDEX webhook_deliveries_status ON webhook_deliveries (status, sequence)",
            "CREATE TABLE webhook_cursor (id int PRIMARY KEY CHECK (id = 1), sequence bigint NOT NULL)",
            "INSERT INTO webhook_cursor (id, sequence) VALUES (1, 0)",
        ]),
        (9, "who else holds a file kept before: sent the same bytes since",
        [
            "CREATE TABLE file_holders (sha256 text NOT NULL, holder text NOT NULL, PRIMARY KEY (sha256, holder))",
        ]),
        (10, "publications of reported decisions (事后公开): the queue and the register",
        [
            """
            CREATE TABLE publications (
                id              text PRIMARY KEY,
                department      text NOT NULL,
                case_id         text NOT NULL,
                action          text NOT NULL,
                document_number text NOT NULL,
                decided_on      date NOT NULL,
                due_on          date,
                state           text NOT NULL,
                version         bigint NOT NULL,
                updated_at      text NOT NULL,
                published_on    date,
                public_party    text NOT NULL,
                content         text NOT NULL
            )
            """,
            "CREATE INDEX publications_by_state ON publications (state, department, due_on)",
        ]),
        (11, "the public register lists the newest published first",
        [
            "CREATE INDEX publications_register ON publications (state, published_on DESC NULLS LAST, decided_on DESC, id)",
        ]),
        (12, "case-number search that treats 〔〕, [], 【】 and () alike, by trigrams where pg_trgm is there",
        [
            $"""
            DO $$
            DECLARE
                home name;
            BEGIN
                SELECT extnamespace::regnamespace::name INTO home FROM pg_extension WHERE extname = 'pg_trgm';
                IF home IS NOT NULL THEN
                    DROP INDEX IF EXISTS reviews_case_trigrams;
                    EXECUTE format('CREATE INDEX reviews_case_folded_trigrams ON reviews USING gin (({PostgreSqlStore.FoldedCaseId.Replace("'", "''", StringComparison.Ordinal)}) %I.gin_trgm_ops)', home);
                END IF;
            EXCEPTION WHEN OTHERS THEN
                RAISE NOTICE 'case-number search without a trigram index: %', SQLERRM;
            END $$
            """,
        ]),
        (13, "the queue lists party and cause, a reviewer's own reviews, and concluded reviews newest first",
        [
            "ALTER TABLE reviews ADD COLUMN IF NOT EXISTS party text, ADD COLUMN IF NOT EXISTS cause text",
            // Reviews indexed before: party and cause as their latest submission in the record says.
            """
            UPDATE reviews r
            SET party = NULLIF(s.decision ->> 'party', ''), cause = NULLIF(s.decision ->> 'cause', '')
            FROM (
                SELECT DISTINCT ON (review_id) review_id, data::jsonb #> '{submission,decision}' AS decision
                FROM entries WHERE type IN ('review.submitted', 'review.resubmitted')
                ORDER BY review_id, sequence DESC
            ) s
            WHERE s.review_id = r.review_id
            """,
            "CREATE INDEX IF NOT EXISTS reviews_by_reviewer ON reviews (reviewer_id, due_key, review_id) WHERE reviewer_id IS NOT NULL",
            "CREATE INDEX IF NOT EXISTS reviews_recently_changed ON reviews (updated_at DESC, review_id)",
        ]),
    ];

    /// <summary>What the service's role may do to each table, and no more: the record and the permits are only inserted
    /// into and read; nothing is truncated; the tables belong to the migration role, so the service's role cannot alter
    /// them, drop their triggers or switch them off.</summary>
    internal static readonly IReadOnlyList<(string Table, string Privileges)> ServicePrivileges =
    [
        ("entries", "SELECT, INSERT"),
        ("permits", "SELECT, INSERT"),
        ("files", "SELECT, INSERT"),
        ("file_chunks", "SELECT, INSERT"),
        ("file_holders", "SELECT, INSERT"),
        ("idempotency", "SELECT, INSERT"),
        ("chain_head", "SELECT, UPDATE"),               // locked (FOR UPDATE) and advanced by every append
        ("reviews", "SELECT, INSERT, UPDATE"),          // the index of the record, rebuilt from it when doubted
        ("classifications", "SELECT, INSERT, UPDATE"),
        ("accounts", "SELECT, INSERT, UPDATE"),
        ("api_clients", "SELECT, INSERT, UPDATE"),
        ("shared_keys", "SELECT, INSERT, UPDATE"),      // encrypted at start-up, re-encrypted on rotation
        ("sign_in_failures", "SELECT, INSERT, UPDATE, DELETE"),
        ("publications", "SELECT, INSERT, UPDATE"),       // the index of the record's publication entries
        ("webhooks", "SELECT, INSERT, UPDATE"),         // removed by marking, never deleted
        ("webhook_deliveries", "SELECT, INSERT, UPDATE"),
        ("webhook_cursor", "SELECT, UPDATE"),
        ("schema_migrations", "SELECT"),
    ];

    /// <summary>Brings the schema up to date, creating it when needed. A schema already up to date is only read, so that the
    /// service's role, which may not change it, starts on it.</summary>
    /// <param name="dataSource">Connections to the database.</param>
    /// <param name="schema">The schema's name.</param>
    /// <exception cref="StoreSchemaException">The database was migrated by a newer Fashen, or needs migrating and this role may not.</exception>
    public static void Migrate(NpgsqlDataSource dataSource, string schema)
    {
        using var connection = dataSource.OpenConnection();
        var newest = Migrations[^1].Version;
        if (CurrentVersion(connection, schema) is var applied && applied == newest)
        {
            return;
        }

        ThrowIfNewer(schema, applied, newest);
        using var transaction = connection.BeginTransaction();

        // Instances starting together wait here for each other; the second finds the work done. A migration may build an
        // index over a large table: neither it nor the wait for it is bounded by the service's timeouts.
        Execute(connection, "SET LOCAL lock_timeout = 0");
        Execute(connection, "SET LOCAL statement_timeout = 0");
        Execute(connection, "SELECT pg_advisory_xact_lock(hashtext('fashen-schema:' || @schema))", ("schema", schema));
        try
        {
            Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {Quote(schema)}");
            Execute(connection, $"SET LOCAL search_path TO {Quote(schema)}");
            Execute(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version     int PRIMARY KEY,
                    description text NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                )
                """);

            using var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection);
            var current = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            ThrowIfNewer(schema, current, newest);
            foreach (var (version, description, statements) in Migrations.Where(m => m.Version > current))
            {
                foreach (var statement in statements)
                {
                    Execute(connection, statement);
                }

                Execute(connection, "INSERT INTO schema_migrations (version, description) VALUES (@version, @description)",
                    ("version", version), ("description", description));
            }
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new StoreSchemaException(
                $"PostgreSQL 模式“{schema}”需要建立或升级到版本 {newest}，而连接所用的角色无权修改它（{exception.MessageText}）：" +
                "请用拥有该模式的迁移角色运行 fashen database migrate --grant-to 服务角色，再启动服务。");
        }

        transaction.Commit();
    }

    /// <summary>The statements that give the service's role what it needs and no more (see <see cref="ServicePrivileges"/>).</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="role">The service's role.</param>
    /// <returns>The statements, in order.</returns>
    public static IReadOnlyList<string> GrantStatements(string schema, string role)
    {
        var statements = new List<string>
        {
            // Whatever was given before (a table owned by the service's role cannot be taken back this way: the migration
            // role must own them, see README).
            $"REVOKE ALL ON ALL TABLES IN SCHEMA {Quote(schema)} FROM {Quote(role)}",
            $"REVOKE CREATE ON SCHEMA {Quote(schema)} FROM {Quote(role)}",
            $"GRANT USAGE ON SCHEMA {Quote(schema)} TO {Quote(role)}",
        };
        statements.AddRange(ServicePrivileges.Select(p => $"GRANT {p.Privileges} ON {Quote(schema)}.{p.Table} TO {Quote(role)}"));
        return statements;
    }

    /// <summary>Gives the service's role its privileges, in one transaction.</summary>
    /// <param name="dataSource">Connections to the database, as the migration role.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="role">The service's role.</param>
    public static void Grant(NpgsqlDataSource dataSource, string schema, string role)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        foreach (var statement in GrantStatements(schema, role))
        {
            Execute(connection, statement);
        }

        transaction.Commit();
    }

    /// <summary>Tells whether the connected role may change the record past the triggers: it owns the record's table (and
    /// can disable its triggers or drop it), or is a superuser.</summary>
    /// <param name="connection">A connection whose search path is the schema.</param>
    /// <returns>True when it may.</returns>
    public static bool MayAlterRecord(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand(
            """
            SELECT pg_has_role(current_user, c.relowner, 'USAGE') OR r.rolsuper
            FROM pg_class c, pg_roles r WHERE c.oid = to_regclass('entries') AND r.rolname = current_user
            """, connection);
        return command.ExecuteScalar() is true;
    }

    // The version applied, read without taking any lock or changing anything; 0 when the schema is new.
    private static int CurrentVersion(NpgsqlConnection connection, string schema)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        exists.Parameters.AddWithValue("table", $"{Quote(schema)}.schema_migrations");
        if (exists.ExecuteScalar() is not true)
        {
            return 0;
        }

        using var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {Quote(schema)}.schema_migrations", connection);
        return Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void ThrowIfNewer(string schema, int current, int newest)
    {
        if (current > newest)
        {
            throw new StoreSchemaException(
                $"PostgreSQL 模式“{schema}”的结构版本为 {current}，比本程序认识的版本 {newest} 新：请先升级 Fashen，再连接这个数据库。");
        }
    }

    /// <summary>Quotes an identifier for SQL.</summary>
    /// <param name="identifier">The identifier.</param>
    /// <returns>The quoted identifier.</returns>
    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Execute(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
