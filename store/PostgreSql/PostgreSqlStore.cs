using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fashen.Engine.Access;
using Fashen.Engine.Documents;
using Fashen.Engine.Permits;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Npgsql;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Fashen.Store.PostgreSql;

/// <summary>The shared store: the record, the review index, idempotency keys, permits, accounts, API clients
/// and the instances' shared keys in a PostgreSQL schema, for any number of Fashen instances at once.</summary>
/// <remarks>
/// Each instance writes its appends on one thread, a group at a time, in one transaction that first locks the
/// one row holding the chain head. The instances therefore take turns: each group seals its entries onto the head
/// the group before left, checks versions and idempotency keys against everything committed before it (and the
/// appends before it in the group), and commits all or nothing. The database acknowledges a commit only once its
/// write-ahead log is on disk (synchronous_commit, the default).
/// </remarks>
public sealed class PostgreSqlStore : IFashenStore, IStoredSharedKeys, ISignInFailures
{

    /// <summary>The entry columns, in the order <see cref="ToEntry"/> reads them (internal: for the tamper tests).</summary>
    internal const string EntryColumns = "sequence, at, type, review_id, department, actor_kind, actor_id, actor_name, data, previous_hash, hash";

    private const string ReviewColumns = "review_id, department, case_id, action, state, running, due_key, version, submitted_at, updated_at, "
        + "reviewer_id, digest, title, counsel_pending, extension_pending, reviewer_name, party, cause";

    // The case id folded in SQL exactly as CaseNumbers.Fold folds it in C#; migration 12 indexes this expression.
    internal const string FoldedCaseId = "translate(lower(case_id), '" + CaseNumbers.FoldFrom + "', '" + CaseNumbers.FoldTo + "')";

    private const string ClientColumns = "id, name, secret_hash, departments, disabled";

    private const string AccountColumns = "id, username, display_name, password_hash, roles, departments, first_time_reviewer, legal_qualification, disabled";

    // Files are kept in rows of this many bytes: large enough that a 200 MB file is 200 rows, small enough to read one
    // range of a video without the rest.
    private const int FileChunkBytes = 1024 * 1024;

    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupCommit _appends;

    // Why the last group could not be written for want of the database, until one is written or the probe succeeds.
    private string? _writeProblem;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlStore"/> class, creating or migrating the schema.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="schema">The schema Fashen's tables live in.</param>
    /// <param name="timeouts">The bounds on waiting in the database; the defaults when null.</param>
    public PostgreSqlStore(string connectionString, string schema = "fashen", PostgreSqlTimeouts? timeouts = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.SearchPath = schema;
        builder.ConnectionStringBuilder.ApplicationName ??= "fashen";

        // Every session of this instance bounds its waits, set when it connects: a write waiting for the record's lock gives
        // up (and is answered 503, retryable), and a session of this instance that stalls inside a transaction (the process
        // paused, or cut off by the network) is ended by the database, which releases its locks for the other instances.
        timeouts ??= PostgreSqlTimeouts.Default;
        builder.ConnectionStringBuilder.Options = string.Join(
            ' ',
            new[]
            {
                builder.ConnectionStringBuilder.Options,
                $"-c lock_timeout={Milliseconds(timeouts.Lock)}",
                $"-c idle_in_transaction_session_timeout={Milliseconds(timeouts.IdleInTransaction)}",
                $"-c statement_timeout={Milliseconds(timeouts.Statement)}",
            }.Where(o => !string.IsNullOrWhiteSpace(o)));

        // The append statement has a few shapes, each planned once and then reused (Npgsql's automatic
        // preparation), rather than planned again for every append.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }

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

        _appends = new GroupCommit("fashen-postgresql-writer", WriteGroup);
        Webhooks = new PostgreSqlWebhooks(this, _dataSource, schema);
        Publications = new PostgreSqlPublications(this);
    }

    /// <inheritdoc/>
    public Engine.Publication.IPublicationStore Publications { get; }

    /// <inheritdoc/>
    public Engine.Notifications.IWebhookStore Webhooks { get; }

    /// <summary>Gets the schema Fashen's tables live in.</summary>
    public string Schema { get; }

    /// <summary>Tells whether this connection's role could change the record past its triggers (it owns the tables or is a
    /// superuser), as it can when the service runs as the migration role.</summary>
    /// <returns>True when it could.</returns>
    public bool MayAlterRecord() => WithConnection(PostgreSqlSchema.MayAlterRecord);

    /// <summary>The statements <see cref="GrantServiceRole"/> runs, as the README shows them.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="role">The service's role.</param>
    /// <returns>The statements.</returns>
    public static IReadOnlyList<string> GrantStatements(string schema, string role) => PostgreSqlSchema.GrantStatements(schema, role);

    /// <summary>Gives the service's role what it needs and no more; run as the role that owns the schema.</summary>
    /// <param name="role">The service's role.</param>
    public void GrantServiceRole(string role) => PostgreSqlSchema.Grant(_dataSource, Schema, role);

    /// <inheritdoc/>
    public string Location { get; }

    /// <inheritdoc/>
    public IStoredSharedKeys SharedKeys => this;

    /// <inheritdoc/>
    public ISignInFailures SignInFailures => this;

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> ReviewEntries(string reviewId) =>
        Read($"SELECT {EntryColumns} FROM entries WHERE review_id = @id ORDER BY sequence", ToEntry, ("id", reviewId));

    /// <inheritdoc/>
    /// <remarks>Served by the partial index entries_outcomes.</remarks>
    public long CountOutcomes(string department, DateTimeOffset since, long beforeSequence) =>
        Read("SELECT at FROM entries WHERE type = 'review.decided' AND department = @department AND sequence < @before",
            r => DateTimeOffset.ParseExact(r.GetString(0), "O", CultureInfo.InvariantCulture), ("department", department), ("before", beforeSequence))
            .Count(at => at >= since);

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> EntriesAt(IReadOnlyCollection<long> sequences) => sequences.Count == 0
        ? []
        : Read($"SELECT {EntryColumns} FROM entries WHERE sequence = ANY(@sequences) ORDER BY sequence", ToEntry, ("sequences", sequences.ToArray()));

    /// <inheritdoc/>
    public ReviewIndexEntry? FindReviewIndex(string reviewId) =>
        Read($"SELECT {ReviewColumns} FROM reviews WHERE review_id = @id", ToIndex, ("id", reviewId)).FirstOrDefault();

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> Alerts(int limit) =>
        Read($"SELECT {EntryColumns} FROM entries WHERE type LIKE 'alert.%' ORDER BY sequence DESC LIMIT @limit", ToEntry, ("limit", limit));

    /// <inheritdoc/>
    public IEnumerable<ReviewIndexEntry> ReviewIndex() =>
        InKeyOrder($"SELECT {ReviewColumns} FROM reviews WHERE review_id COLLATE \"C\" > @after ORDER BY review_id COLLATE \"C\" LIMIT 1000", ToIndex, r => r.ReviewId);

    /// <inheritdoc/>
    public IEnumerable<StoredPermit> Permits() =>
        InKeyOrder("SELECT id, token, claims FROM permits WHERE id COLLATE \"C\" > @after ORDER BY id COLLATE \"C\" LIMIT 1000",
            r => new StoredPermit(r.GetString(0), r.GetString(1), JsonSerializer.Deserialize<PermitClaims>(r.GetString(2))!), p => p.Id);

    // Reads a whole table in batches of a thousand rows by its text key, each batch read whole, so that no connection
    // stays open while the caller works.
    private IEnumerable<T> InKeyOrder<T>(string sql, Func<NpgsqlDataReader, T> map, Func<T, string> key)
    {
        var after = string.Empty;
        while (true)
        {
            var batch = Read(sql, map, ("after", after));
            foreach (var row in batch)
            {
                yield return row;
            }

            if (batch.Count < 1000)
            {
                yield break;
            }

            after = key(batch[^1]);
        }
    }

    /// <inheritdoc/>
    /// <remarks>The newest by the record's order: the review whose first entry is latest in the chain. Its submission time
    /// is the submitting instance's clock, which may be behind another's.</remarks>
    public ReviewIndexEntry? LatestReviewFor(string department, string caseId) =>
        Read(
            $"""
            SELECT {ReviewColumns} FROM reviews r WHERE department = @department AND case_id = @case
            ORDER BY (SELECT min(sequence) FROM entries e WHERE e.review_id = r.review_id) DESC NULLS LAST LIMIT 1
            """,
            ToIndex,
            ("department", department),
            ("case", caseId)).FirstOrDefault();

    /// <inheritdoc/>
    public ReviewPage Query(ReviewQuery query)
    {
        var (where, parameters) = Conditions(query, withStates: true);
        parameters.Add(("limit", query.PageSize));
        parameters.Add(("offset", (query.Page - 1) * query.PageSize));
        var order = query.Order == ReviewOrder.RecentlyChanged ? "updated_at DESC, review_id" : "due_key, review_id";

        // Two statements on one connection, one after the other (see AppendChecked for why not one batch): the count
        // and the page each use the open queue's index; a count over the page (a window) would read every open review.
        return WithConnection(connection =>
        {
            var total = (int)Read(connection, $"SELECT count(*) FROM reviews WHERE {where}", r => r.GetInt64(0), [.. parameters]).Single();
            var items = Read(connection, $"SELECT {ReviewColumns} FROM reviews WHERE {where} ORDER BY {order} LIMIT @limit OFFSET @offset", ToIndex, [.. parameters]);
            return new ReviewPage(items, total);
        });
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<ReviewState, int> CountByState(ReviewQuery query)
    {
        var (where, parameters) = Conditions(query, withStates: false);
        return Read($"SELECT state, count(*) FROM reviews WHERE {where} GROUP BY state", r => (State: r.GetString(0), Count: (int)r.GetInt64(1)), [.. parameters])
            .Select(row => (Known: ReviewNames.TryParseState(row.State, out var state), state, row.Count))
            .Where(row => row.Known)
            .ToDictionary(row => row.state, row => row.Count);
    }

    // A query's conditions as SQL, each as the embedded store's filter reads (ReviewSummaries).
    private static (string Where, List<(string, object?)> Parameters) Conditions(ReviewQuery query, bool withStates)
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

        if (withStates && query.OpenOnly)
        {
            Add("open");
        }
        else if (withStates && query.States.Count > 0)
        {
            Add("state = ANY(@states)", ("states", query.States.Select(s => s.ToWire()).ToArray()));
        }

        if (query.Action is { } action)
        {
            Add("action = @action", ("action", action));
        }

        if (query.ReviewerId is { } reviewer)
        {
            Add("reviewer_id = @reviewer", ("reviewer", reviewer));
        }

        if (!string.IsNullOrWhiteSpace(query.CaseIdContains))
        {
            // A substring, ignoring case and the kind of bracket as the embedded store does (CaseNumbers.Fold), written as LIKE
            // so that the trigram index (migration 12) serves it; the caller's own %, _ and \ are escaped, not wildcards.
            var escaped = CaseNumbers.Fold(query.CaseIdContains.Trim())
                .Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
            Add($"{FoldedCaseId} LIKE @contains", ("contains", "%" + escaped + "%"));
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
            parameters.Add(("today", DueKey.Of(query.Today)));
            parameters.Add(("next", DueKey.Of(query.NextWorkingDay)));
            parameters.Add(("nodue", DueKey.None));
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

        return (where.ToString(), parameters);
    }

    /// <inheritdoc/>
    /// <remarks>Returns once the append is committed, which PostgreSQL acknowledges only when it is on disk.
    /// Concurrent appends of this instance are written together (group commit).</remarks>
    public AppendOutcome Append(AppendBatch batch) => _appends.Append(batch);

    /// <inheritdoc/>
    public Task<AppendOutcome> AppendAsync(AppendBatch batch) => _appends.AppendAsync(batch);

    // A group's transaction. A connection found gone before the commit (a pooled one the database closed when it restarted)
    // wrote nothing, since the database rolls back what it did not commit: the group is written once more on a new one. A
    // connection lost during the commit may or may not have committed, which only the database knows: never written again
    // here (the caller retries with its Idempotency-Key, which finds what was written).
    private List<AppendOutcome> WriteGroup(IReadOnlyList<AppendBatch> group)
    {
        for (var attempt = 1; ; attempt++)
        {
            var committing = false;
            try
            {
                using var connection = _dataSource.OpenConnection();
                using var transaction = connection.BeginTransaction();

                // The head row first, alone: once it is ours, every other instance's append has committed or waits,
                // and each statement below reads what they committed. (In one statement with the checks, the checks
                // would read from before the wait.) Waiting longer than the lock timeout is an error, not a hang.
                var head = Read(connection, "SELECT sequence, hash FROM chain_head WHERE id = 1 FOR UPDATE",
                    r => new ChainHead(r.GetInt64(0), r.IsDBNull(1) ? AuditChain.Genesis : r.GetString(1))).Single();
                var outcomes = group.Select(batch => AppendChecked(connection, head, batch)).ToList();
                committing = true;
                transaction.Commit();
                Interlocked.Exchange(ref _writeProblem, null);
                return outcomes;
            }
            catch (NpgsqlException exception) when (!committing && attempt == 1 && PostgreSqlFailures.IsConnectionLost(exception))
            {
                _dataSource.Clear();
            }
            catch (NpgsqlException exception) when (PostgreSqlFailures.IsUnavailable(exception))
            {
                var unavailable = PostgreSqlFailures.Unavailable(exception, mayHaveWritten: committing && PostgreSqlFailures.IsConnectionLost(exception));
                Interlocked.Exchange(ref _writeProblem, unavailable.Message);
                throw unavailable;
            }
        }
    }

    // Why an append's statement wrote nothing (AppendChecked).
    private const string KeyUsed = "key_used";
    private const string VersionChanged = "version_changed";
    private const string OpenExists = "open_exists";

    // One statement per append, one round trip: it reads the checks, and its writes (data-modifying WITH
    // clauses) happen only when the checks pass, so a refused append leaves nothing in the group's transaction.
    // The checks of each append read the writes of the appends before it in the group. One statement also
    // because Npgsql executes a multi-statement batch synchronously only up to its first statement and writes
    // the rest on the thread pool (npgsql#3846), which request threads blocked on their appends can starve.
    private static AppendOutcome AppendChecked(NpgsqlConnection connection, ChainHead head, AppendBatch batch)
    {
        var (sequenceBefore, hashBefore) = (head.Sequence, head.Hash);
        var sealedEntries = new List<AuditEntry>();
        foreach (var pending in batch.Entries)
        {
            var entry = AuditChain.Seal(pending, ++head.Sequence, batch.At, head.Hash);
            sealedEntries.Add(entry);
            head.Hash = entry.Hash;
        }

        var writes = new List<string>();
        var parameters = new List<(string Name, object? Value)>
        {
            ("scope", batch.Idempotency?.Scope ?? string.Empty),
            ("caller", batch.Idempotency?.Caller ?? string.Empty),
            ("key", batch.Idempotency?.Key ?? string.Empty),
            ("review", batch.ReviewId ?? string.Empty),
            ("department", batch.Index?.Department ?? string.Empty),
            ("case", batch.Index?.CaseId ?? string.Empty),
            ("has_key", batch.Idempotency is not null),
            ("has_expected", batch.ReviewId is not null && batch.ExpectedVersion is not null),
            ("expected", batch.ExpectedVersion ?? 0L),
            ("has_index", batch.Index is not null),
            ("publication", batch.Publication?.Id ?? string.Empty),
            ("has_publication", batch.Publication is not null),
            ("publication_before", (batch.Publication?.Version ?? 1) - 1),
        };

        if (sealedEntries.Count > 0)
        {
            writes.Add($"""
                new_entries AS (
                    INSERT INTO entries ({EntryColumns})
                    SELECT * FROM unnest(@e_sequence::bigint[], @e_at::text[], @e_type::text[], @e_review::text[], @e_department::text[],
                        @e_kind::text[], @e_actor::text[], @e_name::text[], @e_data::text[], @e_previous::text[], @e_hash::text[])
                    WHERE EXISTS (SELECT 1 FROM passed)),
                new_head AS (UPDATE chain_head SET sequence = @head_sequence, hash = @head_hash WHERE id = 1 AND EXISTS (SELECT 1 FROM passed))
                """);
            parameters.AddRange([
                ("e_sequence", sealedEntries.Select(e => e.Sequence).ToArray()), ("e_at", sealedEntries.Select(e => Timestamp(e.At)).ToArray()),
                ("e_type", sealedEntries.Select(e => e.Type).ToArray()), ("e_review", sealedEntries.Select(e => e.ReviewId).ToArray()),
                ("e_department", sealedEntries.Select(e => e.Department).ToArray()), ("e_kind", sealedEntries.Select(e => e.Actor.Kind.ToString()).ToArray()),
                ("e_actor", sealedEntries.Select(e => e.Actor.Id).ToArray()), ("e_name", sealedEntries.Select(e => e.Actor.Name).ToArray()),
                ("e_data", sealedEntries.Select(e => e.Data).ToArray()), ("e_previous", sealedEntries.Select(e => e.PreviousHash).ToArray()),
                ("e_hash", sealedEntries.Select(e => e.Hash).ToArray()), ("head_sequence", head.Sequence), ("head_hash", head.Hash)]);
        }

        if (batch.Index is { } index)
        {
            writes.Add($"""
                new_review AS (
                    INSERT INTO reviews ({ReviewColumns}, open)
                    SELECT @r_id, @r_department, @r_case, @r_action, @r_state, @r_running, @r_due, @r_version, @r_submitted, @r_updated, @r_reviewer,
                        @r_digest, @r_title, @r_counsel, @r_extension, @r_reviewer_name, @r_party, @r_cause, @r_open
                    WHERE EXISTS (SELECT 1 FROM passed)
                    ON CONFLICT (review_id) DO UPDATE SET department = excluded.department, case_id = excluded.case_id, action = excluded.action,
                        state = excluded.state, open = excluded.open, running = excluded.running, due_key = excluded.due_key, version = excluded.version,
                        submitted_at = excluded.submitted_at, updated_at = excluded.updated_at, reviewer_id = excluded.reviewer_id,
                        reviewer_name = excluded.reviewer_name, digest = excluded.digest, title = excluded.title,
                        counsel_pending = excluded.counsel_pending, extension_pending = excluded.extension_pending,
                        party = excluded.party, cause = excluded.cause)
                """);
            parameters.AddRange([
                ("r_id", index.ReviewId), ("r_department", index.Department), ("r_case", index.CaseId), ("r_action", index.Action),
                ("r_state", index.State.ToWire()), ("r_running", index.Running), ("r_due", DueKey.Of(index.DueDate)),
                ("r_version", index.Version), ("r_submitted", Timestamp(index.SubmittedAt)), ("r_updated", Timestamp(index.UpdatedAt)),
                ("r_reviewer", index.ReviewerId), ("r_digest", index.Digest), ("r_title", index.Title), ("r_counsel", index.CounselPending),
                ("r_extension", index.ExtensionPending), ("r_reviewer_name", index.ReviewerName), ("r_party", index.Party), ("r_cause", index.Cause),
                ("r_open", !index.State.IsClosed())]);
        }

        if (batch.Idempotency is { } record)
        {
            writes.Add("new_key AS (INSERT INTO idempotency (scope, caller, key, request_hash, resource_id) SELECT @i_scope, @i_caller, @i_key, @i_hash, @i_resource WHERE EXISTS (SELECT 1 FROM passed))");
            parameters.AddRange([("i_scope", record.Scope), ("i_caller", record.Caller), ("i_key", record.Key), ("i_hash", record.RequestHash), ("i_resource", record.ResourceIdAfter(sealedEntries))]);
        }

        if (batch.Permit is { } permit)
        {
            writes.Add("new_permit AS (INSERT INTO permits (id, token, claims) SELECT @p_id, @p_token, @p_claims WHERE EXISTS (SELECT 1 FROM passed))");
            parameters.AddRange([("p_id", permit.Id), ("p_token", permit.Token), ("p_claims", JsonSerializer.Serialize(permit.Claims))]);
        }

        if (batch.File is { } file)
        {
            writes.Add("""
                new_file AS (
                    INSERT INTO files (sha256, size, content_type, stored_at, stored_by, external) SELECT @f_sha, @f_size, @f_type, @f_at, @f_by, @f_external
                    WHERE EXISTS (SELECT 1 FROM passed) ON CONFLICT (sha256) DO NOTHING)
                """);
            parameters.AddRange([("f_sha", file.Sha256), ("f_size", file.Size), ("f_type", file.ContentType), ("f_at", Timestamp(file.StoredAt)),
                ("f_by", file.StoredBy), ("f_external", file.External is null ? null : JsonSerializer.Serialize(file.External))]);
        }

        if (batch.Publication is { } publication)
        {
            writes.Add("""
                new_publication AS (
                    INSERT INTO publications (id, department, case_id, action, document_number, decided_on, due_on, state, version, updated_at,
                        published_on, public_party, content)
                    SELECT @pub_id, @pub_department, @pub_case, @pub_action, @pub_number, @pub_decided::date, @pub_due::date, @pub_state, @pub_version, @pub_updated,
                        @pub_published::date, @pub_party, @pub_content
                    WHERE EXISTS (SELECT 1 FROM passed)
                    ON CONFLICT (id) DO UPDATE SET due_on = excluded.due_on, state = excluded.state, version = excluded.version,
                        updated_at = excluded.updated_at, published_on = excluded.published_on, public_party = excluded.public_party, content = excluded.content)
                """);
            parameters.AddRange([
                ("pub_id", publication.Id), ("pub_department", publication.Department), ("pub_case", publication.CaseId), ("pub_action", publication.Action),
                ("pub_number", publication.DocumentNumber), ("pub_decided", publication.DecidedOn), ("pub_due", publication.DueOn),
                ("pub_state", publication.State.ToString().ToLowerInvariant()), ("pub_version", publication.Version), ("pub_updated", Timestamp(publication.UpdatedAt)),
                ("pub_published", publication.PublishedOn), ("pub_party", publication.PublicParty), ("pub_content", publication.Content.ToJsonString())]);
        }

        if (batch.Holder is { } holder)
        {
            writes.Add("new_holder AS (INSERT INTO file_holders (sha256, holder) SELECT @h_sha, @h_holder WHERE EXISTS (SELECT 1 FROM passed) ON CONFLICT DO NOTHING)");
            parameters.AddRange([("h_sha", holder.Sha256), ("h_holder", holder.Holder)]);
        }

        if (batch.Classification is { } classification)
        {
            writes.Add("""
                new_classification AS (
                    INSERT INTO classifications (department, case_id, classification, rules, digest) SELECT @c_department, @c_case, @c_classification, @c_rules, @c_digest WHERE EXISTS (SELECT 1 FROM passed)
                    ON CONFLICT (department, case_id) DO UPDATE SET classification = excluded.classification, rules = excluded.rules, digest = excluded.digest)
                """);
            parameters.AddRange([("c_department", classification.Department), ("c_case", classification.CaseId),
                ("c_classification", classification.Classification), ("c_rules", classification.RuleIds.ToArray()), ("c_digest", classification.Digest)]);
        }

        // The checks are stated once, here: the statement names the first that fails (a retry that arrived second is
        // recognised as such before anything else), writes only when none does, and the name says why it did not.
        var sql = $"""
            WITH found AS (
                SELECT EXISTS (SELECT 1 FROM idempotency WHERE scope = @scope AND caller = @caller AND key = @key) AS key_used,
                       coalesce((SELECT version FROM reviews WHERE review_id = @review), 0) AS version,
                       EXISTS (SELECT 1 FROM reviews WHERE department = @department AND case_id = @case AND open) AS open_exists,
                       coalesce((SELECT version FROM publications WHERE id = @publication), 0) AS publication_version),
            checked AS (
                SELECT CASE WHEN @has_publication AND NOT @has_expected THEN publication_version ELSE version END AS version, CASE
                    WHEN @has_key AND key_used THEN '{KeyUsed}'
                    WHEN @has_expected AND version <> @expected THEN '{VersionChanged}'
                    WHEN @has_expected AND @expected = 0 AND @has_index AND open_exists THEN '{OpenExists}'
                    WHEN @has_publication AND publication_version <> @publication_before THEN '{VersionChanged}'
                    END AS refusal
                FROM found),
            passed AS (SELECT 1 FROM checked WHERE refusal IS NULL)
            {string.Concat(writes.Select(w => ",\n" + w))}
            SELECT refusal, version FROM checked
            """;
        using var command = new NpgsqlCommand(sql, connection);
        AddParameters(command.Parameters, parameters);
        var (refusal, version) = ReadChecks(command);
        if (refusal is not null)
        {
            (head.Sequence, head.Hash) = (sequenceBefore, hashBefore);
            return refusal switch
            {
                KeyUsed => new AppendOutcome(AppendStatus.IdempotencyConflict, [], 0),
                VersionChanged => new AppendOutcome(AppendStatus.VersionConflict, [], version),
                OpenExists => new AppendOutcome(AppendStatus.OpenReviewExists, [], 0),
                _ => throw new InvalidOperationException($"The append's statement refused it for an unknown reason: {refusal}."),
            };
        }

        return new AppendOutcome(AppendStatus.Appended, sealedEntries, batch.Index?.Version ?? 0);
    }

    private static (string? Refusal, long Version) ReadChecks(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1));
    }

    /// <inheritdoc/>
    /// <remarks>Reads in batches, each read whole, so that no connection stays open while the caller works.</remarks>
    public IEnumerable<AuditEntry> ReadAll(long after = 0)
    {
        const int batchSize = 1000;
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
    public RecordHead? Head() =>
        Read("SELECT sequence, hash FROM chain_head WHERE id = 1", r => r.IsDBNull(1) ? null : new RecordHead(r.GetInt64(0), r.GetString(1))).SingleOrDefault();

    /// <inheritdoc/>
    /// <remarks>After a failed write, the record's lock is tried as a write would (under the lock timeout) and let go at once:
    /// an instance that cannot write says so until it can again, even when no request tries meanwhile.</remarks>
    public string? WriteProblem()
    {
        if (Volatile.Read(ref _writeProblem) is null)
        {
            return null;
        }

        try
        {
            WithConnection(connection =>
            {
                using var transaction = connection.BeginTransaction();
                Read(connection, "SELECT sequence FROM chain_head WHERE id = 1 FOR UPDATE", r => r.GetInt64(0));
                transaction.Rollback();
                return 0;
            });
            Interlocked.Exchange(ref _writeProblem, null);
            return null;
        }
        catch (StoreUnavailableException exception)
        {
            return exception.Message;
        }
    }

    /// <inheritdoc/>
    public IdempotencyRecord? FindIdempotency(string scope, string caller, string key) =>
        Read("SELECT request_hash, resource_id FROM idempotency WHERE scope = @scope AND caller = @caller AND key = @key",
            r => new IdempotencyRecord(scope, caller, key, r.GetString(0), r.GetString(1)),
            ("scope", scope), ("caller", caller), ("key", key)).FirstOrDefault();

    /// <inheritdoc/>
    /// <remarks>In chunks of a mebibyte, all in one transaction that commits only when the bytes hash to the name: the chunks of
    /// a hash are whole once its first is there. Read from the spooled upload on local disk, so the transaction never waits
    /// for the network.</remarks>
    public void KeepBytes(string sha256, long size, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        WithConnection(connection =>
        {
            using var transaction = connection.BeginTransaction();
            if (Read(connection, "SELECT 1 FROM file_chunks WHERE sha256 = @sha AND n = 0", r => r.GetInt32(0), ("sha", sha256)).Count > 0)
            {
                return 0;
            }

            content.Position = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[FileChunkBytes];
            long total = 0;
            for (var n = 0; ; n++)
            {
                var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                if (read == 0 && n > 0)
                {
                    break;
                }

                hash.AppendData(buffer, 0, read);
                total += read;
                using var insert = new NpgsqlCommand("INSERT INTO file_chunks (sha256, n, data) VALUES (@sha, @n, @data) ON CONFLICT DO NOTHING", connection);
                AddParameters(insert.Parameters, [("sha", sha256), ("n", n), ("data", buffer.AsMemory(0, read).ToArray())]);
                insert.ExecuteNonQuery();
                if (read < buffer.Length)
                {
                    break;
                }
            }

            if (total != size || Convert.ToHexStringLower(hash.GetHashAndReset()) != sha256)
            {
                transaction.Rollback();
                throw new FileContentMismatchException($"文件内容与其 SHA-256 {sha256} 或大小 {size} 不符，未保存。");
            }

            transaction.Commit();
            return 0;
        });
    }

    /// <inheritdoc/>
    public bool Holds(string sha256, string holder) => Read(
        "SELECT EXISTS (SELECT 1 FROM files WHERE sha256 = @sha AND stored_by = @holder) OR EXISTS (SELECT 1 FROM file_holders WHERE sha256 = @sha AND holder = @holder)",
        r => r.GetBoolean(0), ("sha", sha256), ("holder", holder)).Single();

    /// <inheritdoc/>
    public StoredFile? FindFile(string sha256) =>
        Read("SELECT size, content_type, stored_at, stored_by, external FROM files WHERE sha256 = @sha",
            r => new StoredFile(sha256, r.GetInt64(0), r.GetString(1), DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture), r.GetString(3),
                r.IsDBNull(4) ? null : JsonSerializer.Deserialize<ExternalRecording>(r.GetString(4))), ("sha", sha256)).SingleOrDefault();

    /// <inheritdoc/>
    public Stream? OpenFile(string sha256) =>
        FindFile(sha256) is { Held: true } file ? new PostgreSqlFileStream(this, sha256, file.Size, FileChunkBytes) : null;

    /// <summary>Reads one chunk of a held file.</summary>
    /// <param name="sha256">The file's SHA-256.</param>
    /// <param name="n">The chunk's number.</param>
    /// <returns>The chunk's bytes.</returns>
    internal byte[] ReadChunk(string sha256, int n) =>
        Read("SELECT data FROM file_chunks WHERE sha256 = @sha AND n = @n", r => (byte[])r.GetValue(0), ("sha", sha256), ("n", n)).SingleOrDefault()
            ?? throw new IOException($"文件 {sha256} 的第 {n} 块不在数据库中。");

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
        Read($"SELECT {ClientColumns} FROM api_clients WHERE id = @id", ToClient, ("id", id)).FirstOrDefault();

    /// <inheritdoc/>
    public IReadOnlyList<ApiClient> ApiClients() =>
        Read($"SELECT {ClientColumns} FROM api_clients ORDER BY name COLLATE \"C\", id COLLATE \"C\"", ToClient);

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
        if (Find(name) is { } existing)
        {
            return existing;
        }

        Add(name, create());
        return Find(name)!;
    }

    /// <inheritdoc/>
    public IReadOnlyList<KeyValuePair<string, string>> List(string prefix) =>
        Read("SELECT name, value FROM shared_keys WHERE starts_with(name, @prefix) ORDER BY name",
            r => KeyValuePair.Create(r.GetString(0), r.GetString(1)), ("prefix", prefix));

    private string? Find(string name) =>
        Read("SELECT value FROM shared_keys WHERE name = @name", r => r.GetString(0), ("name", name)).SingleOrDefault();

    /// <inheritdoc/>
    public void Add(string name, string value) =>
        Execute("INSERT INTO shared_keys (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING", ("name", name), ("value", value));

    /// <inheritdoc/>
    /// <remarks>One transaction; a connection lost before the commit wrote nothing, so running it again is safe.</remarks>
    public bool Replace(IReadOnlyList<SharedKeyReplacement> replacements)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        return WithConnection(connection =>
        {
            using var transaction = connection.BeginTransaction();
            foreach (var replacement in replacements)
            {
                using var command = new NpgsqlCommand("UPDATE shared_keys SET value = @value WHERE name = @name AND value = @expected", connection);
                AddParameters(command.Parameters, [("name", replacement.Name), ("expected", replacement.Expected), ("value", replacement.Value)]);
                if (command.ExecuteNonQuery() != 1)
                {
                    transaction.Rollback();
                    return false;
                }
            }

            transaction.Commit();
            return true;
        });
    }

    /// <inheritdoc/>
    /// <remarks>One statement: the row is locked while it is read and counted, so that attempts at two instances at once
    /// are admitted one after the other, each seeing the other's count. A locked key is left as it is (the statement's
    /// WHERE), and then read for when its lock ends.</remarks>
    SignInAdmission ISignInFailures.Admit(string key, int limit, DateTimeOffset at, TimeSpan window) => Read(
        """
        WITH admitted AS (
            INSERT INTO sign_in_failures AS f (key, count, last_at) VALUES (@key, 1, @at)
            ON CONFLICT (key) DO UPDATE SET
                count = CASE WHEN @at - f.last_at >= @window THEN 1 ELSE f.count + 1 END,
                last_at = CASE WHEN @at - f.last_at >= @window THEN @at ELSE greatest(f.last_at, @at) END
            WHERE f.count < @limit OR @at - f.last_at >= @window
            RETURNING count, last_at)
        SELECT true, count, last_at FROM admitted
        UNION ALL
        SELECT false, count, last_at FROM sign_in_failures WHERE key = @key AND NOT EXISTS (SELECT 1 FROM admitted)
        """,
        r => new SignInAdmission(r.GetBoolean(0), r.GetInt32(1), r.GetFieldValue<DateTimeOffset>(2)),
        ("key", key),
        ("limit", limit),
        ("at", at.ToUniversalTime()),
        ("window", window)).SingleOrDefault()

        // No row: the key was locked by an attempt committed after this statement's snapshot, which its read does not see.
        ?? new SignInAdmission(false, limit, at);

    /// <inheritdoc/>
    void ISignInFailures.Succeeded(string key, bool forgetAll) => Execute(
        forgetAll ? "DELETE FROM sign_in_failures WHERE key = @key" : "UPDATE sign_in_failures SET count = count - 1 WHERE key = @key AND count > 0",
        ("key", key));

    /// <inheritdoc/>
    void ISignInFailures.ForgetBefore(DateTimeOffset before) => Execute("DELETE FROM sign_in_failures WHERE last_at < @before", ("before", before.ToUniversalTime()));


    /// <inheritdoc/>
    /// <remarks>Writes the appends still queued first; safe to call more than once.</remarks>
    public void Dispose()
    {
        _appends.Dispose();
        _dataSource.Dispose();
    }

    /// <summary>Reads rows on a pooled connection (see <see cref="WithConnection"/>).</summary>
    internal List<T> Read<T>(string sql, Func<NpgsqlDataReader, T> map, params (string Name, object? Value)[] parameters) =>
        WithConnection(connection => Read(connection, sql, map, parameters));

    // Runs one statement's work on a pooled connection. A connection the database closed meanwhile (a restart, a failover)
    // is found only when used, and its pool-mates with it: the pool is emptied and the work run once more on a new one.
    // Used for reads and for writes that may safely run twice (upserts, counters that err on the side of refusing).
    internal T WithConnection<T>(Func<NpgsqlConnection, T> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = _dataSource.OpenConnection();
                return work(connection);
            }
            catch (NpgsqlException exception) when (attempt == 1 && PostgreSqlFailures.IsConnectionLost(exception))
            {
                _dataSource.Clear();
            }
            catch (NpgsqlException exception) when (PostgreSqlFailures.IsUnavailable(exception))
            {
                throw PostgreSqlFailures.Unavailable(exception, mayHaveWritten: false);
            }
        }
    }

    internal static List<T> Read<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, params (string Name, object? Value)[] parameters)
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

    internal void Execute(string sql, params (string Name, object? Value)[] parameters) => WithConnection(connection =>
    {
        using var command = new NpgsqlCommand(sql, connection);
        AddParameters(command.Parameters, parameters);
        return command.ExecuteNonQuery();
    });

    internal static void AddParameters(NpgsqlParameterCollection target, IEnumerable<(string Name, object? Value)> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            // A null is sent as text: every nullable column Fashen writes is text.
            target.Add(value is null
                ? new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value }
                : new NpgsqlParameter(name, value));
        }
    }

    /// <summary>Reads an entry row selected by <see cref="EntryColumns"/> (internal: the tamper tests read the database as the store does).</summary>
    internal static AuditEntry ToEntry(NpgsqlDataReader r) => new(
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
            DueKey.ToDate(dueKey),
            r.GetInt64(7),
            DateTimeOffset.ParseExact(r.GetString(8), "O", CultureInfo.InvariantCulture),
            DateTimeOffset.ParseExact(r.GetString(9), "O", CultureInfo.InvariantCulture),
            r.IsDBNull(10) ? null : r.GetString(10),
            r.GetString(11),
            r.GetString(12),
            r.GetBoolean(13),
            r.GetBoolean(14),
            r.IsDBNull(15) ? null : r.GetString(15),
            r.IsDBNull(16) ? null : r.GetString(16),
            r.IsDBNull(17) ? null : r.GetString(17));
    }

    private static ApiClient ToClient(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<string[]>(3), r.GetBoolean(4));

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

    private static long Milliseconds(TimeSpan span) => (long)span.TotalMilliseconds;

}
