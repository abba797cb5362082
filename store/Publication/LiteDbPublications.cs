using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Engine.Publication;
using LiteDB;

namespace Fashen.Store.Publication;

/// <summary>The publications in the LiteDB file: written by the store's append with their entries (<see cref="Put"/>), read here.</summary>
/// <param name="collection">The publications collection.</param>
/// <param name="gate">The store's gate (see <see cref="LiteDbStore"/>).</param>
internal sealed class LiteDbPublications(ILiteCollection<BsonDocument> collection, Lock gate) : IPublicationStore
{
    /// <summary>The version of a stored publication, 0 when none; call under the gate.</summary>
    public long VersionOf(string id) => collection.FindById(id)?["version"].AsInt64 ?? 0;

    /// <summary>Writes a publication; call under the gate, in the append's transaction.</summary>
    public void Put(PublicationRecord record) => collection.Upsert(new BsonDocument
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
        ["content"] = record.Content.ToJsonString(),
    });

    public PublicationRecord? FindPublication(string id)
    {
        lock (gate)
        {
            return collection.FindById(id) is { } document ? ToRecord(document) : null;
        }
    }

    // Few enough per county that the filter runs over them in memory; the file is read under the gate, in one go.
    public IReadOnlyList<PublicationRecord> Publications(PublicationQuery query)
    {
        List<PublicationRecord> all;
        lock (gate)
        {
            all = collection.FindAll().Select(ToRecord).ToList();
        }

        return all
            .Where(p => query.Departments is null || query.Departments.Contains(p.Department))
            .Where(p => query.State is null || p.State == query.State)
            .Where(p => query.Text is not { Length: > 0 } text || p.DocumentNumber.Contains(text, StringComparison.Ordinal) || p.PublicParty.Contains(text, StringComparison.Ordinal))
            .OrderBy(p => p.DueOn ?? DateOnly.MaxValue).ThenByDescending(p => p.DecidedOn).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToList();
    }

    private static PublicationRecord ToRecord(BsonDocument d) => new(
        d["_id"].AsString, d["department"].AsString, d["caseId"].AsString, d["action"].AsString, d["documentNumber"].AsString,
        DateOnly.ParseExact(d["decidedOn"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        d["dueOn"].IsNull ? null : DateOnly.ParseExact(d["dueOn"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum.Parse<PublicationState>(d["state"].AsString, ignoreCase: true), d["version"].AsInt64,
        DateTimeOffset.ParseExact(d["updatedAt"].AsString, "O", CultureInfo.InvariantCulture),
        d["publishedOn"].IsNull ? null : DateOnly.ParseExact(d["publishedOn"].AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        (JsonObject)JsonNode.Parse(d["content"].AsString)!);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
