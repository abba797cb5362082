using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Engine.Publication;
using LiteDB;

namespace Fashen.Store.Publication;

/// <summary>The publications in the LiteDB file: written by the store's append with their entries (<see cref="Put"/>), read here. What
/// lists filter and sort on is kept apart from the texts (original, proposed, published), so that a list reads a few hundred bytes
/// per publication and only the page's texts: with 100,000 publications, reading them whole for every register page took a second.</summary>
/// <param name="collection">The publications collection: the fields lists use.</param>
/// <param name="contents">The texts, by publication id.</param>
/// <param name="gate">The store's gate (see <see cref="LiteDbStore"/>).</param>
/// <param name="readAll">Reads every publication's fields, in batches that each hold the gate only while read.</param>
internal sealed class LiteDbPublications(
    ILiteCollection<BsonDocument> collection, ILiteCollection<BsonDocument> contents, Lock gate, Func<IEnumerable<BsonDocument>> readAll) : IPublicationStore
{
    private readonly Lock _loading = new();
    private volatile PublicationSummaries? _summaries;

    /// <summary>The version of a stored publication, 0 when none; call under the gate.</summary>
    public long VersionOf(string id) => collection.FindById(id)?["version"].AsInt64 ?? 0;

    /// <summary>Writes a publication; call under the gate, in the append's transaction.</summary>
    public void Put(PublicationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        collection.Upsert(Fields(record));
        contents.Upsert(new BsonDocument { ["_id"] = record.Id, ["content"] = record.Content.ToJsonString() });
    }

    private static BsonDocument Fields(PublicationRecord record) => new()
    {
        ["_id"] = record.Id,
        ["department"] = record.Department,
        ["caseId"] = record.CaseId,
        ["action"] = record.Action,
        ["documentNumber"] = record.DocumentNumber,
        ["decidedOn"] = PublicationSummary.Day(record.DecidedOn),
        ["dueOn"] = record.DueOn is { } due ? PublicationSummary.Day(due) : BsonValue.Null,
        ["state"] = record.State.ToString().ToLowerInvariant(),
        ["version"] = record.Version,
        ["updatedAt"] = record.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
        ["publishedOn"] = record.PublishedOn is { } published ? PublicationSummary.Day(published) : BsonValue.Null,
        ["party"] = record.PublicParty,
    };

    public PublicationRecord? FindPublication(string id)
    {
        lock (gate)
        {
            return collection.FindById(id) is { } document ? ToRecord(document, Content(document)) : null;
        }
    }

    // Filtered and ordered in memory (PublicationSummaries: the store's file belongs to this process, so the copy is exact); only the
    // page's publications are read from the file, under the gate.
    public IReadOnlyList<PublicationRecord> Publications(PublicationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = Summaries.Find(query);
        lock (gate)
        {
            return page.Select(id => collection.FindById(id)).OfType<BsonDocument>().Select(d => ToRecord(d, Content(d))).ToList();
        }
    }

    /// <summary>Puts a publication the store has committed into the summaries.</summary>
    /// <param name="record">The publication as committed.</param>
    public void Committed(PublicationRecord record) => _summaries?.Put(PublicationSummary.Of(record));

    // Read once, at the first list: every publication's fields, a thousand at a time.
    private PublicationSummaries Summaries
    {
        get
        {
            if (_summaries is { Loaded: true } loaded)
            {
                return loaded;
            }

            lock (_loading)
            {
                _summaries ??= new PublicationSummaries();
                if (!_summaries.Loaded)
                {
                    foreach (var document in readAll())
                    {
                        _summaries.AddRead(new PublicationSummary(
                            document["_id"].AsString, document["department"].AsString, document["action"].AsString, document["documentNumber"].AsString,
                            Party(document), Enum.Parse<PublicationState>(document["state"].AsString, ignoreCase: true), document["decidedOn"].AsString,
                            document["dueOn"].IsNull ? null : document["dueOn"].AsString, document["publishedOn"].IsNull ? null : document["publishedOn"].AsString));
                    }

                    _summaries.Loaded = true;
                }

                return _summaries;
            }
        }
    }

    // The texts: apart since this version; inside the document in files written before.
    private string Content(BsonDocument d) => d["content"].IsString ? d["content"].AsString : contents.FindById(d["_id"])["content"].AsString;

    // The party as the public sees it, kept among the fields since this version; read from the texts for documents written before.
    private string Party(BsonDocument d)
    {
        if (d["party"].IsString)
        {
            return d["party"].AsString;
        }

        lock (gate)
        {
            return ToRecord(d, Content(d)).PublicParty;
        }
    }

    private static PublicationRecord ToRecord(BsonDocument d, string content) => new(
        d["_id"].AsString, d["department"].AsString, d["caseId"].AsString, d["action"].AsString, d["documentNumber"].AsString,
        DateOnly.ParseExact(d["decidedOn"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        d["dueOn"].IsNull ? null : DateOnly.ParseExact(d["dueOn"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum.Parse<PublicationState>(d["state"].AsString, ignoreCase: true), d["version"].AsInt64,
        DateTimeOffset.ParseExact(d["updatedAt"].AsString, "O", CultureInfo.InvariantCulture),
        d["publishedOn"].IsNull ? null : DateOnly.ParseExact(d["publishedOn"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        (JsonObject)JsonNode.Parse(content)!);
}
