using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Engine.Publication;
using Npgsql;

namespace Fashen.Store.PostgreSql;

/// <summary>The publications in PostgreSQL (migration 10): written by the store's append with their entries, read here.</summary>
/// <param name="store">The store, for its pooled connections.</param>
internal sealed class PostgreSqlPublications(PostgreSqlStore store) : IPublicationStore
{
    private const string Columns = "id, department, case_id, action, document_number, decided_on, due_on, state, version, updated_at, published_on, content";

    public PublicationRecord? FindPublication(string id) =>
        store.Read($"SELECT {Columns} FROM publications WHERE id = @id", ToRecord, ("id", id)).SingleOrDefault();

    // The queue by due day (publications_by_state), the register newest first (publications_register, migration 11).
    public IReadOnlyList<PublicationRecord> Publications(PublicationQuery query) => store.Read(
        $"""
        SELECT {Columns} FROM publications
        WHERE (@all_departments OR department = ANY(@departments))
          AND (@any_state OR state = @state)
          AND (@any_action OR action = @action)
          AND decided_on BETWEEN @from AND @to
          AND (@text = '' OR strpos(document_number, @text) > 0 OR strpos(public_party, @text) > 0)
        ORDER BY {(query.Order == PublicationOrder.NewestPublished ? "published_on DESC NULLS LAST, decided_on DESC, id" : "due_on NULLS LAST, decided_on DESC, id")}
        LIMIT @limit
        """,
        ToRecord,
        ("all_departments", query.Departments is null), ("departments", (query.Departments ?? []).ToArray()),
        ("any_state", query.State is null), ("state", query.State?.ToString().ToLowerInvariant() ?? string.Empty),
        ("any_action", query.Action is null), ("action", query.Action ?? string.Empty),
        ("from", query.DecidedFrom ?? DateOnly.MinValue), ("to", query.DecidedTo ?? DateOnly.MaxValue),
        ("text", query.Text ?? string.Empty), ("limit", query.Limit));

    private static PublicationRecord ToRecord(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateOnly>(5),
        r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6), Enum.Parse<PublicationState>(r.GetString(7), ignoreCase: true), r.GetInt64(8),
        DateTimeOffset.ParseExact(r.GetString(9), "O", CultureInfo.InvariantCulture), r.IsDBNull(10) ? null : r.GetFieldValue<DateOnly>(10),
        (JsonObject)JsonNode.Parse(r.GetString(11))!);
}
