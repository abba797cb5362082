using System.Globalization;
using System.Text;
using Fashen.Engine.Access;
using Fashen.Engine.Permits;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Npgsql;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Fashen.Store.PostgreSql;

/// <summary>The shared store: the record, the review index, idempotency keys, permits, accounts, API clients
/// and the instances' shared keys in a PostgreSQL schema, for any number of Fashen instances at once.</summary>
/// <remarks>
/// Every <see cref="Append"/> is one transaction that first locks the one row holding the chain head. Appends
/// from every instance therefore take turns: each seals its entries onto the head the one before left, checks
/// versions and idempotency keys against everything committed before it, and commits all or nothing. The
/// database acknowledges a commit only once its write-ahead log is on disk (synchronous_commit, the default),
/// and groups the flushes of concurrent commits itself.
/// </remarks>
public sealed class PostgreSqlStore : IFashenStore, ISharedKeys
{
    private const int NoDue = 99_999_999;

    private const string EntryColumns = "sequence, at, type, review_id, department, actor_kind, actor_id, actor_name, data, previous_hash, hash";

    private const string ReviewColumns = "review_id, department, case_id, action, state, running, due_key, version, submitted_at, updated_at, "
        + "reviewer_id, digest, title, counsel_pending, extension_pending, reviewer_name";

    private const string AccountColumns = "id, username, display_name, password_hash, roles, departments, first_time_reviewer, legal_qualification, disabled";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlStore"/> class, creating or migrating the schema.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="schema">The schema Fashen's tables live in.</param>
    public PostgreSqlStore(string connectionString, string schema = "fashen")
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.SearchPath = schema;
        builder.ConnectionStringBuilder.ApplicationName ??= "fashen";
        _dataSource = builder.Build();
        Schema = schema;
        Location = $"PostgreSQL {builder.ConnectionStringBuilder.Host}:{builder.ConnectionStringBuilder.Port}/{builder.ConnectionStringBuilder.Database}，模式 {schema}";
        try
        {
            PostgreSqlSchema.Migrate(_dataSource, schema);
        }
        catch (NpgsqlException exception)
        {
            _dataSource.Dispose();
            throw new StoreSchemaException($"无法连接或初始化 {Location}：{exception.Message}");
        }
        catch
        {
            _dataSource.Dispose();
            throw;
        }
    }

    /// <summary>Gets the schema Fashen's tables live in.</summary>
    public string Schema { get; }

    /// <inheritdoc/>
    public string Location { get; }

    /// <inheritdoc/>
    public ISharedKeys SharedKeys => this;

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> ReviewEntries(string reviewId) =>
        Read($"SELECT {EntryColumns} FROM entries WHERE review_id = @id ORDER BY sequence", ToEntry, ("id", reviewId));

    /// <inheritdoc/>
    public ReviewIndexEntry? LatestReviewFor(string department, string caseId) =>
        Read($"SELECT {ReviewColumns} FROM reviews WHERE department = @department AND case_id = @case ORDER BY submitted_at DESC LIMIT 1",
            ToIndex, ("department", department), ("case", caseId)).FirstOrDefault();

    /// <inheritdoc/>
    public ReviewPage Query(ReviewQuery query)
    {
        var where = new StringBuilder("TRUE");
        var parameters = new List<(string, object?)>();
        void Add(string condition, params (string Name, object? Value)[] values)
        {
            where.Append(" AND ").Append(condition);
            parameters.AddRange(values);
        }

        if (query.VisibleDepartments is { } visible)
        {
            Add("department = ANY(@visible)", ("visible", visible.ToArray()));
        }

        if (query.Department is { } department)
        {
            Add("department = @department", ("department", department));
        }

        if (query.States.Count > 0 && query.States.ToHashSet().SetEquals(Enum.GetValues<ReviewState>().Where(s => !s.IsClosed())))
        {
            Add("open");
        }
        else if (query.States.Count > 0)
        {
            Add("state = ANY(@states)", ("states", query.States.Select(s => s.ToWire()).ToArray()));
        }

        if (query.Action is { } action)
        {
            Add("action = @action", ("action", action));
        }

        if (!string.IsNullOrWhiteSpace(query.CaseIdContains))
        {
            // A plain substring, ignoring case as the embedded store does; no LIKE wildcards to escape.
            Add("strpos(lower(case_id), lower(@contains)) > 0", ("contains", query.CaseIdContains.Trim()));
        }

        if (query.CounselPendingOnly)
        {
            Add("counsel_pending");
        }

        if (query.ExtensionPendingOnly)
        {
            Add("extension_pending");
        }

        if (query.Due is { } due)
        {
            parameters.Add(("today", DateKey(query.Today)));
            parameters.Add(("next", DateKey(query.NextWorkingDay)));
            parameters.Add(("nodue", NoDue));
            Add(due switch
            {
                DueState.Overdue => "open AND running AND due_key < @today",
                DueState.DueSoon => "open AND running AND due_key >= @today AND due_key <= @next",
                DueState.OnTime => "open AND running AND due_key > @next AND due_key < @nodue",
                DueState.Unknown => "open AND running AND due_key = @nodue",
                DueState.Paused => "open AND NOT running",
                _ => "NOT open",
            });
        }

        parameters.Add(("limit", query.PageSize));
        parameters.Add(("offset", (query.Page - 1) * query.PageSize));
        using var connection = _dataSource.OpenConnection();
        using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command($"SELECT count(*) FROM reviews WHERE {where}", parameters));
        batch.BatchCommands.Add(Command($"SELECT {ReviewColumns} FROM reviews WHERE {where} ORDER BY due_key, review_id LIMIT @limit OFFSET @offset", parameters));
        using var reader = batch.ExecuteReader();
        reader.Read();
        var total = (int)reader.GetInt64(0);
        reader.NextResult();
        var items = new List<ReviewIndexEntry>();
        while (reader.Read())
        {
            items.Add(ToIndex(reader));
        }

        return new ReviewPage(items, total);
    }

    /// <inheritdoc/>
    /// <remarks>Returns once the transaction is committed, which PostgreSQL acknowledges only when it is on disk.</remarks>
    public AppendOutcome Append(AppendBatch batch)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();

        // The head row first, alone: once it is ours, every other append has committed or waits, and each
        // statement below reads what they committed. (In one statement with the checks, the checks would
        // read from before the wait.)
        var (sequence, previous) = Read(connection, "SELECT sequence, hash FROM chain_head WHERE id = 1 FOR UPDATE",
            r => (r.GetInt64(0), r.IsDBNull(1) ? AuditChain.Genesis : r.GetString(1))).Single();

        var (keyUsed, version, openExists) = Read(
            connection,
            """
            SELECT EXISTS (SELECT 1 FROM idempotency WHERE scope = @scope AND caller = @caller AND key = @key),
                   (SELECT version FROM reviews WHERE review_id = @review),
                   EXISTS (SELECT 1 FROM reviews WHERE department = @department AND case_id = @case AND open)
            """,
            r => (r.GetBoolean(0), r.IsDBNull(1) ? 0 : r.GetInt64(1), r.GetBoolean(2)),
            ("scope", batch.Idempotency?.Scope ?? string.Empty),
            ("caller", batch.Idempotency?.Caller ?? string.Empty),
            ("key", batch.Idempotency?.Key ?? string.Empty),
            ("review", batch.ReviewId ?? string.Empty),
            ("department", batch.Index?.Department ?? string.Empty),
            ("case", batch.Index?.CaseId ?? string.Empty)).Single();

        // A retry that arrived second is recognised as such before anything else is checked.
        if (batch.Idempotency is not null && keyUsed)
        {
            return new AppendOutcome(AppendStatus.IdempotencyConflict, [], 0);
        }

        if (batch.ReviewId is not null && batch.ExpectedVersion is { } expected)
        {
            if (version != expected)
            {
                return new AppendOutcome(AppendStatus.VersionConflict, [], version);
            }

            if (expected == 0 && batch.Index is not null && openExists)
            {
                return new AppendOutcome(AppendStatus.OpenReviewExists, [], 0);
            }
        }

        using var writes = new NpgsqlBatch(connection, transaction);
        var sealedEntries = new List<AuditEntry>();
        foreach (var pending in batch.Entries)
        {
            var entry = AuditChain.Seal(pending, ++sequence, batch.At, previous);
            writes.BatchCommands.Add(Command(
                $"INSERT INTO entries ({EntryColumns}) VALUES (@sequence, @at, @type, @review, @department, @kind, @actor, @name, @data, @previous, @hash)",
                [("sequence", entry.Sequence), ("at", Timestamp(entry.At)), ("type", entry.Type), ("review", entry.ReviewId), ("department", entry.Department),
                 ("kind", entry.Actor.Kind.ToString()), ("actor", entry.Actor.Id), ("name", entry.Actor.Name), ("data", entry.Data),
                 ("previous", entry.PreviousHash), ("hash", entry.Hash)]));
            sealedEntries.Add(entry);
            previous = entry.Hash;
        }

        if (sealedEntries.Count > 0)
        {
            writes.BatchCommands.Add(Command("UPDATE chain_head SET sequence = @sequence, hash = @hash WHERE id = 1", [("sequence", sequence), ("hash", previous)]));
        }

        if (batch.Index is { } index)
        {
            writes.BatchCommands.Add(Command(
                $"""
                INSERT INTO reviews ({ReviewColumns}, open)
                VALUES (@id, @department, @case, @action, @state, @running, @due, @version, @submitted, @updated, @reviewer, @digest, @title, @counsel, @extension, @reviewerName, @open)
                ON CONFLICT (review_id) DO UPDATE SET department = excluded.department, case_id = excluded.case_id, action = excluded.action,
                    state = excluded.state, open = excluded.open, running = excluded.running, due_key = excluded.due_key, version = excluded.version,
                    submitted_at = excluded.submitted_at, updated_at = excluded.updated_at, reviewer_id = excluded.reviewer_id,
                    reviewer_name = excluded.reviewer_name, digest = excluded.digest, title = excluded.title,
                    counsel_pending = excluded.counsel_pending, extension_pending = excluded.extension_pending
                """,
                [("id", index.ReviewId), ("department", index.Department), ("case", index.CaseId), ("action", index.Action), ("state", index.State.ToWire()),
                 ("running", index.Running), ("due", index.DueDate is { } due ? DateKey(due) : NoDue), ("version", index.Version),
                 ("submitted", Timestamp(index.SubmittedAt)), ("updated", Timestamp(index.UpdatedAt)), ("reviewer", index.ReviewerId),
                 ("digest", index.Digest), ("title", index.Title), ("counsel", index.CounselPending), ("extension", index.ExtensionPending),
                 ("reviewerName", index.ReviewerName), ("open", !index.State.IsClosed())]));
        }

        if (batch.Idempotency is { } record)
        {
            writes.BatchCommands.Add(Command(
                "INSERT INTO idempotency (scope, caller, key, request_hash, resource_id) VALUES (@scope, @caller, @key, @hash, @resource)",
                [("scope", record.Scope), ("caller", record.Caller), ("key", record.Key), ("hash", record.RequestHash), ("resource", record.ResourceId)]));
        }

        if (batch.Permit is { } permit)
        {
            writes.BatchCommands.Add(Command("INSERT INTO permits (id, token, claims) VALUES (@id, @token, @claims)",
                [("id", permit.Id), ("token", permit.Token), ("claims", JsonSerializer.Serialize(permit.Claims))]));
        }

        if (batch.Classification is { } classification)
        {
            writes.BatchCommands.Add(Command(
                """
                INSERT INTO classifications (department, case_id, classification, rules, digest) VALUES (@department, @case, @classification, @rules, @digest)
                ON CONFLICT (department, case_id) DO UPDATE SET classification = excluded.classification, rules = excluded.rules, digest = excluded.digest
                """,
                [("department", classification.Department), ("case", classification.CaseId), ("classification", classification.Classification),
                 ("rules", classification.RuleIds.ToArray()), ("digest", classification.Digest)]));
        }

        if (writes.BatchCommands.Count > 0)
        {
            writes.ExecuteNonQuery();
        }

        transaction.Commit();
        return new AppendOutcome(AppendStatus.Appended, sealedEntries, batch.Index?.Version ?? 0);
    }

    /// <inheritdoc/>
    /// <remarks>Reads in batches, each read whole, so that no connection stays open while the caller works.</remarks>
    public IEnumerable<AuditEntry> ReadAll()
    {
        const int batchSize = 1000;
        long after = 0;
        while (true)
        {
            var batch = Read($"SELECT {EntryColumns} FROM entries WHERE sequence > @after ORDER BY sequence LIMIT {batchSize}", ToEntry, ("after", after));
            foreach (var entry in batch)
            {
                yield return entry;
            }

            if (batch.Count < batchSize)
            {
                yield break;
            }

            after = batch[^1].Sequence;
        }
    }

    /// <inheritdoc/>
    public string? ChainHead() => Read("SELECT hash FROM chain_head WHERE id = 1", r => r.IsDBNull(0) ? null : r.GetString(0)).SingleOrDefault();

    /// <inheritdoc/>
    public IdempotencyRecord? FindIdempotency(string scope, string caller, string key) =>
        Read("SELECT request_hash, resource_id FROM idempotency WHERE scope = @scope AND caller = @caller AND key = @key",
            r => new IdempotencyRecord(scope, caller, key, r.GetString(0), r.GetString(1)),
            ("scope", scope), ("caller", caller), ("key", key)).FirstOrDefault();

    /// <inheritdoc/>
    public StoredPermit? FindPermit(string id) =>
        Read("SELECT token, claims FROM permits WHERE id = @id",
            r => new StoredPermit(id, r.GetString(0), JsonSerializer.Deserialize<PermitClaims>(r.GetString(1))!), ("id", id)).FirstOrDefault();

    /// <inheritdoc/>
    public ClassificationRecord? LastClassification(string department, string caseId) =>
        Read("SELECT classification, rules, digest FROM classifications WHERE department = @department AND case_id = @case",
            r => new ClassificationRecord(department, caseId, r.GetString(0), r.GetFieldValue<string[]>(1), r.GetString(2)),
            ("department", department), ("case", caseId)).FirstOrDefault();

    /// <inheritdoc/>
    public Account? FindAccount(string username) =>
        Read($"SELECT {AccountColumns} FROM accounts WHERE username = @username", ToAccount, ("username", username)).FirstOrDefault();

    /// <inheritdoc/>
    public IReadOnlyList<Account> Accounts() => Read($"SELECT {AccountColumns} FROM accounts ORDER BY username", ToAccount);

    /// <inheritdoc/>
    public void SaveAccount(Account account) => Execute(
        $"""
        INSERT INTO accounts ({AccountColumns}) VALUES (@id, @username, @name, @hash, @roles, @departments, @firstTime, @qualified, @disabled)
        ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name, password_hash = excluded.password_hash,
            roles = excluded.roles, departments = excluded.departments, first_time_reviewer = excluded.first_time_reviewer,
            legal_qualification = excluded.legal_qualification, disabled = excluded.disabled
        """,
        ("id", account.Id), ("username", account.Username), ("name", account.DisplayName), ("hash", account.PasswordHash),
        ("roles", account.Roles.Select(r => r.ToWire()).ToArray()), ("departments", account.Departments.ToArray()),
        ("firstTime", account.FirstTimeReviewer), ("qualified", account.LegalQualification), ("disabled", account.Disabled));

    /// <inheritdoc/>
    public ApiClient? FindApiClient(string id) =>
        Read("SELECT name, secret_hash, departments, disabled FROM api_clients WHERE id = @id",
            r => new ApiClient(id, r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2), r.GetBoolean(3)), ("id", id)).FirstOrDefault();

    /// <inheritdoc/>
    public void SaveApiClient(ApiClient client) => Execute(
        """
        INSERT INTO api_clients (id, name, secret_hash, departments, disabled) VALUES (@id, @name, @hash, @departments, @disabled)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, secret_hash = excluded.secret_hash, departments = excluded.departments, disabled = excluded.disabled
        """,
        ("id", client.Id), ("name", client.Name), ("hash", client.SecretHash), ("departments", client.Departments.ToArray()), ("disabled", client.Disabled));

    /// <inheritdoc/>
    public string GetOrAdd(string name, Func<string> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (List(name).FirstOrDefault(k => k.Key == name) is { Key: not null } existing)
        {
            return existing.Value;
        }

        Add(name, create());
        return List(name).First(k => k.Key == name).Value;
    }

    /// <inheritdoc/>
    public IReadOnlyList<KeyValuePair<string, string>> List(string prefix) =>
        Read("SELECT name, value FROM shared_keys WHERE starts_with(name, @prefix) ORDER BY name",
            r => KeyValuePair.Create(r.GetString(0), r.GetString(1)), ("prefix", prefix));

    /// <inheritdoc/>
    public void Add(string name, string value) =>
        Execute("INSERT INTO shared_keys (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING", ("name", name), ("value", value));

    /// <inheritdoc/>
    public void Dispose() => _dataSource.Dispose();

    private List<T> Read<T>(string sql, Func<NpgsqlDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var connection = _dataSource.OpenConnection();
        return Read(connection, sql, map, parameters);
    }

    private static List<T> Read<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        AddParameters(command.Parameters, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand(sql, connection);
        AddParameters(command.Parameters, parameters);
        command.ExecuteNonQuery();
    }

    private static NpgsqlBatchCommand Command(string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddParameters(command.Parameters, parameters);
        return command;
    }

    private static void AddParameters(NpgsqlParameterCollection target, IEnumerable<(string Name, object? Value)> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            // A null is sent as text: every nullable column Fashen writes is text.
            target.Add(value is null
                ? new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value }
                : new NpgsqlParameter(name, value));
        }
    }

    private static AuditEntry ToEntry(NpgsqlDataReader r) => new(
        r.GetInt64(0),
        DateTimeOffset.ParseExact(r.GetString(1), "O", CultureInfo.InvariantCulture),
        r.GetString(2),
        r.IsDBNull(3) ? null : r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        new Actor(Enum.Parse<ActorKind>(r.GetString(5)), r.GetString(6), r.GetString(7)),
        r.GetString(8),
        r.GetString(9),
        r.GetString(10));

    private static ReviewIndexEntry ToIndex(NpgsqlDataReader r)
    {
        ReviewNames.TryParseState(r.GetString(4), out var state);
        var dueKey = r.GetInt32(6);
        return new ReviewIndexEntry(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            r.GetString(3),
            state,
            r.GetBoolean(5),
            dueKey == NoDue ? null : new DateOnly(dueKey / 10000, dueKey / 100 % 100, dueKey % 100),
            r.GetInt64(7),
            DateTimeOffset.ParseExact(r.GetString(8), "O", CultureInfo.InvariantCulture),
            DateTimeOffset.ParseExact(r.GetString(9), "O", CultureInfo.InvariantCulture),
            r.IsDBNull(10) ? null : r.GetString(10),
            r.GetString(11),
            r.GetString(12),
            r.GetBoolean(13),
            r.GetBoolean(14),
            r.IsDBNull(15) ? null : r.GetString(15));
    }

    private static Account ToAccount(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetFieldValue<string[]>(4).Select(role => Enum.Parse<Role>(role, ignoreCase: true)).ToList(),
        r.GetFieldValue<string[]>(5),
        r.GetBoolean(6),
        r.GetBoolean(7),
        r.GetBoolean(8));

    private static string Timestamp(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static int DateKey(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;
}
