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
internal sealed class LiteDbPublications(ILiteCollection<BsonDocument> collection, ILiteCollection<BsonDocument> contents, Lock gate) : IPublicationStore
{
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
        ["decidedOn"] = Day(record.DecidedOn),
        ["dueOn"] = record.DueOn is { } due ? Day(due) : BsonValue.Null,
        ["state"] = record.State.ToString().ToLowerInvariant(),
        ["version"] = record.Version,
        ["updatedAt"] = record.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
        ["publishedOn"] = record.PublishedOn is { } published ? Day(published) : BsonValue.Null,
        ["party"] = record.PublicParty,
    };

    /// <summary>Indexes the state, which every list asks for first.</summary>
    public void EnsureIndexes() => collection.EnsureIndex("state");

    public PublicationRecord? FindPublication(string id)
    {
        lock (gate)
        {
            return collection.FindById(id) is { } document ? ToRecord(document, Content(document)) : null;
        }
    }

    // The state through its index, the rest filtered and ordered on the stored fields (dates are ISO text, so they sort as written);
    // only the page's documents have their content parsed. Read under the gate, in one go.
    public IReadOnlyList<PublicationRecord> Publications(PublicationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (from, to) = (query.DecidedFrom is { } f ? Day(f) : string.Empty, query.DecidedTo is { } t ? Day(t) : "9999-12-31");
        List<BsonDocument> found;
        lock (gate)
        {
            found = (query.State is { } state ? collection.Find(Query.EQ("state", state.ToString().ToLowerInvariant())) : collection.FindAll())
                .Where(d => query.Departments is null || query.Departments.Contains(d["department"].AsString))
                .Where(d => query.Action is null || d["action"].AsString == query.Action)
                .Where(d => string.CompareOrdinal(d["decidedOn"].AsString, from) >= 0 && string.CompareOrdinal(d["decidedOn"].AsString, to) <= 0)
                .Where(d => query.Text is not { Length: > 0 } text || d["documentNumber"].AsString.Contains(text, StringComparison.Ordinal) || Party(d).Contains(text, StringComparison.Ordinal))
                .ToList();
        }

        var ordered = query.Order == PublicationOrder.NewestPublished
            ? found.OrderByDescending(d => d["publishedOn"].IsNull ? string.Empty : d["publishedOn"].AsString, StringComparer.Ordinal)
            : found.OrderBy(d => d["dueOn"].IsNull ? "~" : d["dueOn"].AsString, StringComparer.Ordinal);
        var page = ordered
            .ThenByDescending(d => d["decidedOn"].AsString, StringComparer.Ordinal).ThenBy(d => d["_id"].AsString, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToList();
        lock (gate)
        {
            return page.Select(d => ToRecord(d, Content(d))).ToList();
        }
    }

    // The texts: apart since this version; inside the document in files written before.
    private string Content(BsonDocument d) => d["content"].IsString ? d["content"].AsString : contents.FindById(d["_id"])["content"].AsString;

    // The party as the public sees it, kept among the fields since this version; read from the texts for documents written before.
    private string Party(BsonDocument d) => d["party"].IsString ? d["party"].AsString : ToRecord(d, Content(d)).PublicParty;

    private static PublicationRecord ToRecord(BsonDocument d, string content) => new(
        d["_id"].AsString, d["department"].AsString, d["caseId"].AsString, d["action"].AsString, d["documentNumber"].AsString,
        DateOnly.ParseExact(d["decidedOn"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        d["dueOn"].IsNull ? null : DateOnly.ParseExact(d["dueOn"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum.Parse<PublicationState>(d["state"].AsString, ignoreCase: true), d["version"].AsInt64,
        DateTimeOffset.ParseExact(d["updatedAt"].AsString, "O", CultureInfo.InvariantCulture),
        d["publishedOn"].IsNull ? null : DateOnly.ParseExact(d["publishedOn"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        (JsonObject)JsonNode.Parse(content)!);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
