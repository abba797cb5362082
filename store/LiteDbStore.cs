using System.Collections.Concurrent;
using System.Globalization;
using JsonSerializer = System.Text.Json.JsonSerializer;
using Fashen.Engine.Access;
using Fashen.Engine.Documents;
using Fashen.Engine.Permits;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Store.Files;
using LiteDB;

namespace Fashen.Store;

/// <summary>The embedded store: the record, the review index, idempotency keys, permits, accounts and
/// API clients in one LiteDB file on disk.</summary>
/// <remarks>
/// Entries are only ever inserted. Appends are written by one thread, a group at a time, in one LiteDB
/// transaction: each append's version check, chain head, entries and what is derived from them are written
/// together or not at all, and the group is flushed to disk once before any of its appends is acknowledged.
/// The chain head is also kept in its own document, so that removing entries from the end of the record shows
/// when it is verified.
/// </remarks>
public sealed class LiteDbStore : IFashenStore
{
    /// <inheritdoc/>
    public Engine.Notifications.IWebhookStore Webhooks { get; }

    /// <inheritdoc/>
    public Engine.Publication.IPublicationStore Publications => _publications;

    /// <summary>The database file's name inside the data folder.</summary>
    public const string FileName = "fashen.db";

    /// <summary>The lock file's name inside the data folder.</summary>
    public const string LockFileName = "fashen.lock";

    private readonly LiteDatabase _db;
    private readonly string _logPath;

    // One thread at a time uses the file: every read and every write below holds this gate. LiteDB 5.0.21's page
    // cache can recycle a page that another thread has just looked up but not yet pinned (litedb-org/LiteDB#2817):
    // a concurrent read then returns another document than the one asked for, or LiteDB closes its engine for good.
    // Without the gate LiteDbConcurrencyTests fails: a read by user name answers with another user's account. The fix
    // (#2772) is not in a release yet.
    // Every read under it is short: queue queries are answered from memory and read only their page from the file, and
    // whole-collection reads take the gate a batch at a time.
    private readonly Lock _gate = new();
    private readonly GroupCommit _appends;
    private readonly ILiteCollection<BsonDocument> _entries;
    private readonly ILiteCollection<BsonDocument> _reviews;
    private readonly ILiteCollection<BsonDocument> _idempotency;
    private readonly ILiteCollection<BsonDocument> _permits;
    private readonly ILiteCollection<BsonDocument> _classifications;
    private readonly ILiteCollection<BsonDocument> _meta;
    private readonly ILiteCollection<BsonDocument> _accounts;
    private readonly ILiteCollection<BsonDocument> _clients;
    private readonly ILiteCollection<BsonDocument> _files;
    private readonly Publication.LiteDbPublications _publications;

    // Who else holds a file kept before (sent the same bytes since): by "sha256|holder".
    private readonly ILiteCollection<BsonDocument> _fileHolders;
    private readonly FolderFiles _fileBytes;

    // The sequence numbers of the alert entries, written with them: alerts are few, and an index on every entry's type
    // would cost the writer on every classification.
    private readonly ILiteCollection<BsonDocument> _alerts;

    // The review outcomes (review.decided), by sequence with their department and time, written with them for the same
    // reason: they number the review opinions (CountOutcomes).
    private readonly ILiteCollection<BsonDocument> _outcomes;
    private readonly FileStream _folderLock;
    private readonly ReviewSummaries _summaries = new();

    // Memory copies of what every classification request reads, exact because one process owns the folder and
    // every change goes through this store (docs/performance.md). API clients: only ones found are kept (a few per
    // department), and a reader only adds, never replaces, so a concurrent save always wins. Last classifications:
    // only the writer puts them, after its commit; readers that miss read the file.
    private readonly ConcurrentDictionary<string, ApiClient> _clientsById = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ClassificationRecord> _lastClassifications = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _summariesRead;
    private bool _disposed;

    // A second handle on LiteDB's write-ahead log, only to ask the disk to keep what LiteDB wrote (fsync); opened
    // on the flush thread once the log exists.
    private FileStream? _log;

    /// <summary>Initializes a new instance of the <see cref="LiteDbStore"/> class, creating the file when needed.</summary>
    /// <param name="folder">The data folder.</param>
    /// <exception cref="DataFolderInUseException">Another process (or another store in this one) has the folder open.</exception>
    public LiteDbStore(string folder)
    {
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, FileName);

        // LiteDB's direct mode does not stop a second process from opening the same file, and two writers
        // corrupt it. An exclusive lock on a file beside it does: the second opener is refused.
        _folderLock = DataFolderInUseException.Lock(System.IO.Path.Combine(folder, LockFileName), folder);
        try
        {
            _db = LiteDbFile.OpenOrdinal(Path);
        }
        catch
        {
            _folderLock.Dispose();
            throw;
        }

        _logPath = System.IO.Path.Combine(folder, System.IO.Path.GetFileNameWithoutExtension(FileName) + "-log" + System.IO.Path.GetExtension(FileName));
        _entries = _db.GetCollection("entries");
        _reviews = _db.GetCollection("reviews");
        _idempotency = _db.GetCollection("idempotency");
        _permits = _db.GetCollection("permits");
        _classifications = _db.GetCollection("classifications");
        _meta = _db.GetCollection("meta");
        _accounts = _db.GetCollection("accounts");
        _clients = _db.GetCollection("clients");
        _alerts = _db.GetCollection("alerts");
        _files = _db.GetCollection("files");
        _outcomes = _db.GetCollection("outcomes");
        _fileHolders = _db.GetCollection("file_holders");
        CreateMissing(_idempotency, _permits, _classifications, _meta, _clients, _alerts, _files, _outcomes, _fileHolders);
        IndexOutcomesWrittenBefore();
        IndexPartiesWrittenBefore();
        _fileBytes = new FolderFiles(folder);
        _entries.EnsureIndex("reviewId");
        _reviews.EnsureIndex("caseKey");

        // Queue queries are answered from memory (ReviewSummaries): indexes that older files have for them are
        // dropped, since nothing reads them any more but every write keeps them up.
        foreach (var unread in new[] { "open", "openDue", "department", "dueKey" })
        {
            _reviews.DropIndex(unread);
        }

        _accounts.EnsureIndex("username", unique: true);
        var publications = _db.GetCollection("publications");
        var contents = _db.GetCollection("publication_contents");
        CreateMissing(publications, contents);
        _publications = new Publication.LiteDbPublications(publications, contents, _gate, () => InIdOrder(publications, string.Empty));
        var webhooks = new Webhooks.LiteDbWebhooks(_db, _gate);
        CreateMissing(_db.GetCollection("webhooks"), _db.GetCollection("deliveries"));
        webhooks.EnsureIndexes();
        Webhooks = webhooks;
        _appends = new GroupCommit("fashen-litedb-writer", WriteGroup, FlushLog);
        _summariesRead = Task.Run(ReadSummaries);
    }

    // LiteDB creates a collection with its first write. A read of the collection at that moment (a case system's
    // request while the first classification, idempotency key or permit is written) finds an empty page, and LiteDB
    // 5.0.21 then closes its engine for good: every later request fails until a restart (litedb-org/LiteDB#2792).
    // So every collection exists before the store is shared: an insert and delete in one transaction creates one.
    // The others are created by their indexes.
    private void CreateMissing(params ILiteCollection<BsonDocument>[] collections)
    {
        foreach (var collection in collections.Where(c => !_db.CollectionExists(c.Name)))
        {
            _db.BeginTrans();
            collection.Insert(new BsonDocument { ["_id"] = "create" });
            collection.Delete("create");
            _db.Commit();
        }
    }

    /// <summary>Gets the database file's path.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public string Location => Path;

    /// <inheritdoc/>
    /// <remarks>Null: one instance per data folder keeps its keys as files beside the database.</remarks>
    public IStoredSharedKeys? SharedKeys => null;

    /// <inheritdoc/>
    /// <remarks>Null: one instance owns the folder, and counts failed sign-ins in memory.</remarks>
    public ISignInFailures? SignInFailures => null;

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> ReviewEntries(string reviewId)
    {
        lock (_gate)
        {
            return _entries.Query().Where("reviewId = @0", reviewId).OrderBy("_id").ToEnumerable().Select(ToEntry).ToList();
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> EntriesAt(IReadOnlyCollection<long> sequences)
    {
        if (sequences.Count == 0)
        {
            return [];
        }

        lock (_gate)
        {
            return _entries.Find(LiteDB.Query.In("_id", new BsonArray(sequences.Select(s => new BsonValue(s))))).Select(ToEntry).OrderBy(e => e.Sequence).ToList();
        }
    }

    /// <inheritdoc/>
    public ReviewIndexEntry? FindReviewIndex(string reviewId)
    {
        lock (_gate)
        {
            return _reviews.FindById(reviewId) is { } doc ? ToIndex(doc) : null;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> Alerts(int limit)
    {
        lock (_gate)
        {
            var sequences = _alerts.Query().OrderByDescending("_id").Limit(limit).ToEnumerable().Select(d => d["_id"].AsInt64).ToList();
            return sequences.Count == 0
                ? []
                : _entries.Find(LiteDB.Query.In("_id", new BsonArray(sequences.Select(s => new BsonValue(s))))).Select(ToEntry).OrderByDescending(e => e.Sequence).ToList();
        }
    }

    /// <inheritdoc/>
    public IEnumerable<ReviewIndexEntry> ReviewIndex() => InIdOrder(_reviews, string.Empty).Select(ToIndex);

    /// <inheritdoc/>
    public IEnumerable<StoredPermit> Permits() => InIdOrder(_permits, string.Empty).Select(ToPermit);

    /// <inheritdoc/>
    /// <remarks>The file is this instance's alone: nobody else can hold its lock.</remarks>
    public string? WriteProblem() => null;

    /// <inheritdoc/>
    public ReviewIndexEntry? LatestReviewFor(string department, string caseId)
    {
        // Once the summaries are read, a case without a review is known without reading the file.
        if (_summariesRead.IsCompletedSuccessfully && !_summaries.HasReview(department, caseId))
        {
            return null;
        }

        // The newest by the record's order, the review whose first entry is latest in the chain, not by its submission
        // time: a clock set back would make an older review the newest.
        lock (_gate)
        {
            return _reviews.Query().Where("caseKey = @0", CaseKey(department, caseId)).ToEnumerable().Select(ToIndex)
                .MaxBy(review => _entries.Query().Where("reviewId = @0", review.ReviewId).OrderBy("_id").Limit(1).FirstOrDefault()?["_id"].AsInt64 ?? 0);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Counted in memory (<see cref="ReviewSummaries"/>).</remarks>
    public IReadOnlyDictionary<ReviewState, int> CountByState(ReviewQuery query)
    {
        _summariesRead.GetAwaiter().GetResult();
        return _summaries.CountByState(query);
    }

    /// <inheritdoc/>
    /// <remarks>Found in memory (<see cref="ReviewSummaries"/>); only the page's reviews are read from the file. Until
    /// the summaries have been read, once after opening (about three seconds per 100,000 reviews), queries wait.</remarks>
    public ReviewPage Query(ReviewQuery query)
    {
        _summariesRead.GetAwaiter().GetResult();
        var (page, total) = _summaries.Find(query);
        if (page.Count == 0)
        {
            return new ReviewPage([], total);
        }

        // One query for the page through the primary key, not one per review: each LiteDB query has a fixed cost.
        Dictionary<string, ReviewIndexEntry> found;
        lock (_gate)
        {
            found = _reviews.Find(LiteDB.Query.In("_id", new BsonArray(page.Select(id => new BsonValue(id))))).Select(ToIndex)
                .ToDictionary(review => review.ReviewId, StringComparer.Ordinal);
        }

        return new ReviewPage([.. page.Select(id => found[id])], total);
    }

    /// <inheritdoc/>
    /// <remarks>Returns only once the batch is on disk; concurrent appends are written together (group commit).</remarks>
    public AppendOutcome Append(AppendBatch batch) => _appends.Append(batch);

    /// <inheritdoc/>
    public Task<AppendOutcome> AppendAsync(AppendBatch batch) => _appends.AppendAsync(batch);

    // One transaction for the group. LiteDB writes a commit to its write-ahead log before Commit returns but never
    // asks the disk to keep it (litedb-org/LiteDB#2818); FlushLog does, on the group commit's flush thread, before
    // any append of the group is acknowledged. On opening, LiteDB replays the committed transactions in the log.
    // Not a checkpoint per group: that copies every page the group touched into the data file, about half the
    // writer's time. LiteDB checkpoints by itself when the log reaches 1,000 pages, and flushes the data file to
    // disk before it empties the log.
    private List<AppendOutcome> WriteGroup(IReadOnlyList<AppendBatch> group)
    {
        var outcomes = new List<AppendOutcome>(group.Count);
        lock (_gate)
        {
            _db.BeginTrans();
            try
            {
                // The head is read once and written once for the whole group.
                var stored = _meta.FindById("head");
                var head = new ChainHead(stored?["sequence"].AsInt64 ?? 0, stored?["hash"].AsString ?? AuditChain.Genesis);
                var sequenceBefore = head.Sequence;
                foreach (var batch in group)
                {
                    outcomes.Add(AppendChecked(batch, head));
                }

                if (head.Sequence != sequenceBefore)
                {
                    _meta.Upsert(new BsonDocument { ["_id"] = "head", ["sequence"] = head.Sequence, ["hash"] = head.Hash });
                }

                _db.Commit();
            }
            catch
            {
                _db.Rollback();
                throw;
            }
        }

        // Only what was committed reaches the review summaries and the last classifications; after the try, so that
        // nothing here can roll back (or, by failing the group, have it written again) what is already committed.
        for (var i = 0; i < group.Count; i++)
        {
            if (outcomes[i].Status != AppendStatus.Appended)
            {
                continue;
            }

            if (group[i].Index is { } index)
            {
                _summaries.Put(index);
            }

            if (group[i].Classification is { } classification)
            {
                RememberClassification(classification);
            }

            if (group[i].Publication is { } publication)
            {
                _publications.Committed(publication);
            }
        }

        return outcomes;
    }

    // Asks the disk to keep the log: every commit before this call, the groups' and the accounts' alike.
    private void FlushLog()
    {
        // LiteDB creates the log with its first write; until then there is nothing to keep.
        if (_log is null && !File.Exists(_logPath))
        {
            return;
        }

        _log ??= new FileStream(_logPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        _log.Flush(flushToDisk: true);
    }

    // Checks first and writes only when they pass, so a refused append leaves nothing in the group's transaction.
    private AppendOutcome AppendChecked(AppendBatch batch, ChainHead head)
    {
        // A retry that arrived second is recognised as such before anything else is checked.
        if (batch.Idempotency is { } key && _idempotency.FindById(IdempotencyId(key.Scope, key.Caller, key.Key)) is not null)
        {
            return new AppendOutcome(AppendStatus.IdempotencyConflict, [], 0);
        }

        if (batch.ReviewId is { } reviewId && batch.ExpectedVersion is { } expected)
        {
            var current = _reviews.FindById(reviewId)?["version"].AsInt64 ?? 0;
            if (current != expected)
            {
                return new AppendOutcome(AppendStatus.VersionConflict, [], current);
            }

            if (expected == 0 && batch.Index is { } index
                && _reviews.Exists(BsonExpression.Create("caseKey = @0 AND open = true", CaseKey(index.Department, index.CaseId))))
            {
                return new AppendOutcome(AppendStatus.OpenReviewExists, [], 0);
            }
        }

        if (batch.Publication is { } publication)
        {
            var current = _publications.VersionOf(publication.Id);
            if (current != publication.Version - 1)
            {
                return new AppendOutcome(AppendStatus.VersionConflict, [], current);
            }
        }

        var sealedEntries = AppendEntries(batch, head);
        if (batch.Index is { } entry)
        {
            _reviews.Upsert(ToDocument(entry));
        }

        if (batch.Idempotency is { } record)
        {
            _idempotency.Insert(new BsonDocument
            {
                ["_id"] = IdempotencyId(record.Scope, record.Caller, record.Key),
                ["requestHash"] = record.RequestHash,
                ["resourceId"] = record.ResourceIdAfter(sealedEntries),
            });
        }

        if (batch.Permit is { } permit)
        {
            _permits.Insert(new BsonDocument
            {
                ["_id"] = permit.Id,
                ["token"] = permit.Token,
                ["claims"] = JsonSerializer.Serialize(permit.Claims),
            });
        }

        if (batch.File is { } file && _files.FindById(file.Sha256) is null)
        {
            _files.Insert(new BsonDocument
            {
                ["_id"] = file.Sha256,
                ["size"] = file.Size,
                ["contentType"] = file.ContentType,
                ["storedAt"] = file.StoredAt.ToString("O", CultureInfo.InvariantCulture),
                ["storedBy"] = file.StoredBy,
                ["external"] = file.External is null ? BsonValue.Null : JsonSerializer.Serialize(file.External),
            });
        }

        if (batch.Publication is { } changed)
        {
            _publications.Put(changed);
        }

        if (batch.Holder is { } holder && _fileHolders.FindById(HolderId(holder.Sha256, holder.Holder)) is null)
        {
            _fileHolders.Insert(new BsonDocument { ["_id"] = HolderId(holder.Sha256, holder.Holder) });
        }

        if (batch.Classification is { } classification)
        {
            _classifications.Upsert(new BsonDocument
            {
                ["_id"] = CaseKey(classification.Department, classification.CaseId),
                ["classification"] = classification.Classification,
                ["rules"] = new BsonArray(classification.RuleIds.Select(r => new BsonValue(r))),
                ["digest"] = classification.Digest,
            });
        }

        return new AppendOutcome(AppendStatus.Appended, sealedEntries, batch.Index?.Version ?? 0);
    }

    /// <inheritdoc/>
    public long CountOutcomes(string department, DateTimeOffset since, long beforeSequence)
    {
        lock (_gate)
        {
            return _outcomes.Query().Where("department = @0 AND _id < @1", department, beforeSequence).ToEnumerable()
                .Count(d => DateTimeOffset.ParseExact(d["at"].AsString, "O", CultureInfo.InvariantCulture) >= since);
        }
    }

    /// <inheritdoc/>
    public IEnumerable<AuditEntry> ReadAll(long after = 0) => InIdOrder(_entries, after).Select(ToEntry);

    /// <inheritdoc/>
    public RecordHead? Head()
    {
        lock (_gate)
        {
            return _meta.FindById("head") is { } head ? new RecordHead(head["sequence"].AsInt64, head["hash"].AsString) : null;
        }
    }

    /// <inheritdoc/>
    public IdempotencyRecord? FindIdempotency(string scope, string caller, string key)
    {
        BsonDocument? doc;
        lock (_gate)
        {
            doc = _idempotency.FindById(IdempotencyId(scope, caller, key));
        }

        return doc is null ? null : new IdempotencyRecord(scope, caller, key, doc["requestHash"].AsString, doc["resourceId"].AsString);
    }

    /// <inheritdoc/>
    /// <remarks>Outside the gate: the bytes go to their own file, not to the database.</remarks>
    public void KeepBytes(string sha256, long size, Stream content) => _fileBytes.Keep(sha256, size, content);

    /// <inheritdoc/>
    public StoredFile? FindFile(string sha256)
    {
        BsonDocument? doc;
        lock (_gate)
        {
            doc = _files.FindById(sha256);
        }

        return doc is null ? null : new StoredFile(
            sha256, doc["size"].AsInt64, doc["contentType"].AsString, DateTimeOffset.Parse(doc["storedAt"].AsString, CultureInfo.InvariantCulture),
            doc["storedBy"].AsString, doc["external"].IsNull ? null : JsonSerializer.Deserialize<ExternalRecording>(doc["external"].AsString));
    }

    /// <inheritdoc/>
    public Stream? OpenFile(string sha256) => FindFile(sha256) is { Held: true } ? _fileBytes.Open(sha256) : null;

    /// <inheritdoc/>
    public bool Holds(string sha256, string holder)
    {
        lock (_gate)
        {
            return _files.FindById(sha256)?["storedBy"].AsString == holder || _fileHolders.FindById(HolderId(sha256, holder)) is not null;
        }
    }

    private static string HolderId(string sha256, string holder) => sha256 + "|" + holder;

    /// <inheritdoc/>
    public StoredPermit? FindPermit(string id)
    {
        BsonDocument? doc;
        lock (_gate)
        {
            doc = _permits.FindById(id);
        }

        return doc is null ? null : ToPermit(doc);
    }

    /// <inheritdoc/>
    public ClassificationRecord? LastClassification(string department, string caseId)
    {
        var key = CaseKey(department, caseId);
        if (_lastClassifications.TryGetValue(key, out var remembered))
        {
            return remembered;
        }

        BsonDocument? doc;
        lock (_gate)
        {
            doc = _classifications.FindById(key);
        }

        return doc is null
            ? null
            : new ClassificationRecord(department, caseId, doc["classification"].AsString, doc["rules"].AsArray.Select(r => r.AsString).ToList(), doc["digest"].AsString);
    }

    // On the writer's thread, after the commit. Bounded: past the limit the copies start again from empty (the
    // file still has every case's), which costs a read per case until it is classified again.
    private void RememberClassification(ClassificationRecord classification)
    {
        const int limit = 100_000;
        if (_lastClassifications.Count >= limit)
        {
            _lastClassifications.Clear();
        }

        _lastClassifications[CaseKey(classification.Department, classification.CaseId)] = classification;
    }

    /// <inheritdoc/>
    public Account? FindAccount(string username)
    {
        lock (_gate)
        {
            return _accounts.FindOne(BsonExpression.Create("username = @0", username)) is { } doc ? ToAccount(doc) : null;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<Account> Accounts()
    {
        lock (_gate)
        {
            return _accounts.Query().OrderBy("username").ToEnumerable().Select(ToAccount).ToList();
        }
    }

    /// <inheritdoc/>
    public void SaveAccount(Account account)
    {
        lock (_gate)
        {
            _accounts.Upsert(new BsonDocument
            {
                ["_id"] = account.Id,
                ["username"] = account.Username,
                ["displayName"] = account.DisplayName,
                ["passwordHash"] = account.PasswordHash,
                ["roles"] = new BsonArray(account.Roles.Select(r => new BsonValue(r.ToWire()))),
                ["departments"] = new BsonArray(account.Departments.Select(d => new BsonValue(d))),
                ["firstTimeReviewer"] = account.FirstTimeReviewer,
                ["legalQualification"] = account.LegalQualification,
                ["disabled"] = account.Disabled,
            });
        }
    }

    /// <inheritdoc/>
    public ApiClient? FindApiClient(string id)
    {
        if (_clientsById.TryGetValue(id, out var remembered))
        {
            return remembered;
        }

        BsonDocument? doc;
        lock (_gate)
        {
            doc = _clients.FindById(id);
        }

        if (doc is null)
        {
            return null;
        }

        // Added only if no save put a newer one meanwhile.
        return _clientsById.GetOrAdd(id, ToClient(doc));
    }

    /// <inheritdoc/>
    public IReadOnlyList<ApiClient> ApiClients()
    {
        lock (_gate)
        {
            return _clients.FindAll().Where(d => d["_id"].AsString != "create").Select(ToClient)
                .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        }
    }

    /// <inheritdoc/>
    public void SaveApiClient(ApiClient client)
    {
        lock (_gate)
        {
            _clients.Upsert(new BsonDocument
            {
                ["_id"] = client.Id,
                ["name"] = client.Name,
                ["secretHash"] = client.SecretHash,
                ["departments"] = new BsonArray(client.Departments.Select(d => new BsonValue(d))),
                ["disabled"] = client.Disabled,
            });
            _clientsById[client.Id] = client;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Copies the write-ahead log into the data file first, so that a clean shutdown leaves one
    /// self-contained file; safe to call more than once.</remarks>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _appends.Dispose();
        _closing.Cancel();
        try
        {
            _summariesRead.Wait();
        }
        catch (AggregateException)
        {
            // A failed read of the summaries only ever mattered to queue queries.
        }

        lock (_gate)
        {
            _closing.Dispose();
            try
            {
                _db.Checkpoint();
                _db.Dispose();
            }
            finally
            {
                // Also when LiteDB has closed its engine after a fault and the checkpoint throws: the log still holds
                // every commit for the next open to replay, and the folder must not stay locked until the process ends.
                _log?.Dispose();
                _folderLock.Dispose();
            }
        }
    }

    private List<AuditEntry> AppendEntries(AppendBatch batch, ChainHead head)
    {
        var sealedEntries = new List<AuditEntry>();
        foreach (var pending in batch.Entries)
        {
            var entry = AuditChain.Seal(pending, ++head.Sequence, batch.At, head.Hash);
            _entries.Insert(ToDocument(entry));
            if (entry.Type.StartsWith("alert.", StringComparison.Ordinal))
            {
                _alerts.Insert(new BsonDocument { ["_id"] = entry.Sequence });
            }

            if (entry.Type == OutcomeEntry)
            {
                _outcomes.Insert(OutcomeDocument(entry));
            }

            sealedEntries.Add(entry);
            head.Hash = entry.Hash;
        }

        return sealedEntries;
    }

    private const string OutcomeEntry = Engine.Opinions.OpinionArchive.OutcomeEntry;

    private static BsonDocument OutcomeDocument(AuditEntry entry) => new()
    {
        ["_id"] = entry.Sequence,
        ["department"] = entry.Department,
        ["at"] = entry.At.ToString("O", CultureInfo.InvariantCulture),
    };

    // Data folders written before outcomes were listed apart get their list once, from the entries.
    private void IndexOutcomesWrittenBefore()
    {
        lock (_gate)
        {
            if (_meta.FindById("outcomes-listed") is not null)
            {
                return;
            }

            _db.BeginTrans();
            foreach (var outcome in _entries.Find(LiteDB.Query.EQ("type", OutcomeEntry)).Select(ToEntry).ToList())
            {
                _outcomes.Upsert(OutcomeDocument(outcome));
            }

            _meta.Upsert(new BsonDocument { ["_id"] = "outcomes-listed", ["at"] = true });
            _db.Commit();
        }
    }

    // The queue lists each review's party and cause (index fields since the queue's tabs). A file written before has them
    // in its record only: they are copied once from each review's latest submission, so that the index again says exactly
    // what the record derives and record verification compares them like every other field.
    private void IndexPartiesWrittenBefore()
    {
        lock (_gate)
        {
            if (_meta.FindById("parties-listed") is not null)
            {
                return;
            }

            var latest = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in _entries.Find(LiteDB.Query.In("type", "review.submitted", "review.resubmitted")))
            {
                latest[entry["reviewId"].AsString] = entry["data"].AsString;
            }

            _db.BeginTrans();
            foreach (var review in _reviews.FindAll().ToList())
            {
                var decision = latest.TryGetValue(review["_id"].AsString, out var data)
                    ? System.Text.Json.Nodes.JsonNode.Parse(data)?["submission"]?["decision"]
                    : null;
                review["party"] = Text(decision?["party"]);
                review["cause"] = Text(decision?["cause"]);
                _reviews.Update(review);
            }

            _meta.Upsert(new BsonDocument { ["_id"] = "parties-listed", ["at"] = true });
            _db.Commit();
        }

        static BsonValue Text(System.Text.Json.Nodes.JsonNode? node) =>
            node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : BsonValue.Null;
    }

    /// <summary>Writes an entry document (internal: the tamper tests write the file as the store does).</summary>
    internal static BsonDocument ToDocument(AuditEntry entry) => new()
    {
        ["_id"] = entry.Sequence,
        ["at"] = entry.At.ToString("O", CultureInfo.InvariantCulture),
        ["type"] = entry.Type,
        ["reviewId"] = entry.ReviewId,
        ["department"] = entry.Department,
        ["actorKind"] = entry.Actor.Kind.ToString(),
        ["actorId"] = entry.Actor.Id,
        ["actorName"] = entry.Actor.Name,
        ["data"] = entry.Data,
        ["previousHash"] = entry.PreviousHash,
        ["hash"] = entry.Hash,
    };

    /// <summary>Reads an entry document (internal: the tamper tests read the file as the store does).</summary>
    internal static AuditEntry ToEntry(BsonDocument doc) => new(
        doc["_id"].AsInt64,
        DateTimeOffset.ParseExact(doc["at"].AsString, "O", CultureInfo.InvariantCulture),
        doc["type"].AsString,
        doc["reviewId"].IsNull ? null : doc["reviewId"].AsString,
        doc["department"].IsNull ? null : doc["department"].AsString,
        new Actor(Enum.Parse<ActorKind>(doc["actorKind"].AsString), doc["actorId"].AsString, doc["actorName"].AsString),
        doc["data"].AsString,
        doc["previousHash"].AsString,
        doc["hash"].AsString);

    private static BsonDocument ToDocument(ReviewIndexEntry entry) => new()
    {
        ["_id"] = entry.ReviewId,
        ["department"] = entry.Department,
        ["caseId"] = entry.CaseId,
        ["caseKey"] = CaseKey(entry.Department, entry.CaseId),
        ["action"] = entry.Action,
        ["state"] = entry.State.ToWire(),
        ["open"] = !entry.State.IsClosed(),
        ["running"] = entry.Running,
        ["dueKey"] = DueKey.Of(entry.DueDate),
        ["version"] = entry.Version,
        ["submittedAt"] = entry.SubmittedAt.ToString("O", CultureInfo.InvariantCulture),
        ["updatedAt"] = entry.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
        ["reviewerId"] = entry.ReviewerId,
        ["reviewerName"] = entry.ReviewerName,
        ["digest"] = entry.Digest,
        ["title"] = entry.Title,
        ["counselPending"] = entry.CounselPending,
        ["extensionPending"] = entry.ExtensionPending,
        ["party"] = entry.Party,
        ["cause"] = entry.Cause,
    };

    private static ApiClient ToClient(BsonDocument doc) => new(
        doc["_id"].AsString, doc["name"].AsString, doc["secretHash"].AsString, doc["departments"].AsArray.Select(d => d.AsString).ToList(), doc["disabled"].AsBoolean);

    private static ReviewIndexEntry ToIndex(BsonDocument doc)
    {
        ReviewNames.TryParseState(doc["state"].AsString, out var state);
        var dueKey = doc["dueKey"].AsInt32;
        return new ReviewIndexEntry(
            doc["_id"].AsString,
            doc["department"].AsString,
            doc["caseId"].AsString,
            doc["action"].AsString,
            state,
            doc["running"].AsBoolean,
            DueKey.ToDate(dueKey),
            doc["version"].AsInt64,
            DateTimeOffset.ParseExact(doc["submittedAt"].AsString, "O", CultureInfo.InvariantCulture),
            DateTimeOffset.ParseExact(doc["updatedAt"].AsString, "O", CultureInfo.InvariantCulture),
            doc["reviewerId"].IsNull ? null : doc["reviewerId"].AsString,
            doc["digest"].AsString,
            doc["title"].AsString,
            doc["counselPending"].AsBoolean,
            doc["extensionPending"].AsBoolean,
            doc["reviewerName"].IsNull ? null : doc["reviewerName"].AsString,
            doc["party"].IsNull ? null : doc["party"].AsString,
            doc["cause"].IsNull ? null : doc["cause"].AsString);
    }

    // Reads the summaries of the reviews already in the file, in the background from the moment the store opens, without
    // holding up writes: the writer puts every review it commits from the start, and a summary read before that commit
    // does not replace it (ReviewSummaries.AddRead). Queue queries wait for the read.
    private void ReadSummaries()
    {
        foreach (var review in InIdOrder(_reviews, string.Empty))
        {
            if (_closing.IsCancellationRequested)
            {
                return;
            }

            _summaries.AddRead(ToIndex(review));
        }
    }

    // Reads a whole collection in _id order, a thousand documents at a time, each batch read whole: a LiteDB cursor
    // left open holds a transaction on its thread, which a caller enumerating lazily across threads would leak.
    // Each batch holds the gate only while it is read, so a long read lets the writer in between batches.
    private IEnumerable<BsonDocument> InIdOrder(ILiteCollection<BsonDocument> collection, BsonValue before)
    {
        const int batchSize = 1000;
        var after = before;
        while (true)
        {
            List<BsonDocument> batch;
            lock (_gate)
            {
                batch = collection.Query().Where("_id > @0", after).OrderBy("_id").Limit(batchSize).ToList();
            }

            foreach (var document in batch)
            {
                yield return document;
            }

            if (batch.Count < batchSize)
            {
                yield break;
            }

            after = batch[^1]["_id"];
        }
    }

    private static StoredPermit ToPermit(BsonDocument doc) =>
        new(doc["_id"].AsString, doc["token"].AsString, JsonSerializer.Deserialize<PermitClaims>(doc["claims"].AsString)!);

    private static Account ToAccount(BsonDocument doc) => new(
        doc["_id"].AsString,
        doc["username"].AsString,
        doc["displayName"].AsString,
        doc["passwordHash"].AsString,
        doc["roles"].AsArray.Select(r => Enum.Parse<Role>(r.AsString, ignoreCase: true)).ToList(),
        doc["departments"].AsArray.Select(d => d.AsString).ToList(),
        doc["firstTimeReviewer"].AsBoolean,
        doc["legalQualification"].AsBoolean,
        doc["disabled"].AsBoolean);

    private static string CaseKey(string department, string caseId) => $"{department}\u001f{caseId}";

    private static string IdempotencyId(string scope, string caller, string key) => $"{scope}\u001f{caller}\u001f{key}";
}
