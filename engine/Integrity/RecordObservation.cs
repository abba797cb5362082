using System.Text.Json;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Integrity;

/// <summary>What a walk through the record saw that the store also keeps apart: how many events each review has, and
/// which permits were issued. Each entry counts once, however often the walk reads it again.</summary>
internal sealed class RecordObservation
{
    /// <summary>Gets the number of events of each review seen.</summary>
    public Dictionary<string, int> ReviewEvents { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the permits whose issue was seen.</summary>
    public Dictionary<string, IssuedPermit> Permits { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets each publication as its entries make it.</summary>
    public Dictionary<string, ObservedPublication> Publications { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the sequence numbers of the alert entries seen.</summary>
    public HashSet<long> Alerts { get; } = [];

    /// <summary>Gets the last sequence number seen.</summary>
    public long LastSequence { get; private set; }

    /// <summary>Passes entries on, noting what they say.</summary>
    /// <param name="entries">Entries in sequence order.</param>
    /// <returns>The same entries.</returns>
    public IEnumerable<AuditEntry> Watch(IEnumerable<AuditEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Sequence > LastSequence)
            {
                LastSequence = entry.Sequence;
                Note(entry);
            }

            yield return entry;
        }
    }

    private void Note(AuditEntry entry)
    {
        if (entry.ReviewId is { } reviewId && ReviewEventSerializer.IsReviewEvent(entry.Type))
        {
            ReviewEvents[reviewId] = ReviewEvents.GetValueOrDefault(reviewId) + 1;
        }

        if (entry.Type.StartsWith("alert.", StringComparison.Ordinal))
        {
            Alerts.Add(entry.Sequence);
        }

        if (entry.Type is ReviewService.IssuedEntry or "publication.approved" or "publication.corrected" or "publication.withdrawn")
        {
            NotePublication(entry);
        }

        if (entry.Type == "permit.issued")
        {
            try
            {
                using var data = JsonDocument.Parse(entry.Data);
                var root = data.RootElement;
                var permitId = root.GetProperty("permitId").GetString()!;
                Permits[permitId] = new IssuedPermit(
                    root.GetProperty("caseId").GetString()!, root.GetProperty("digest").GetString()!, root.TryGetProperty("reviewId", out var r) ? r.GetString() : null,
                    root.TryGetProperty("documentsDigest", out var d) ? d.GetString() : null);
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // An issue entry that cannot be read is no permit: a permit kept for it is then reported as not issued.
            }
        }
    }

    // A publication begins with its decision's report, pending; each step after moves its state and version on.
    private void NotePublication(AuditEntry entry)
    {
        var data = System.Text.Json.Nodes.JsonNode.Parse(entry.Data) as System.Text.Json.Nodes.JsonObject;
        if ((string?)data?["publicationId"] is not { } id)
        {
            return;
        }

        if (entry.Type == ReviewService.IssuedEntry)
        {
            Publications[id] = new ObservedPublication(Publication.PublicationState.Pending, 1, null);
            return;
        }

        if (Publications.TryGetValue(id, out var before))
        {
            Publications[id] = entry.Type switch
            {
                "publication.withdrawn" => before with { State = Publication.PublicationState.Withdrawn, Version = before.Version + 1 },
                _ => new ObservedPublication(Publication.PublicationState.Published, before.Version + 1, CanonicalJson.Serialize(data!["published"])),
            };
        }
    }
}

/// <summary>A publication as the record's entries make it.</summary>
/// <param name="State">Its state.</param>
/// <param name="Version">Its version.</param>
/// <param name="Published">The published text as canonical JSON, or null before it is published.</param>
internal sealed record ObservedPublication(Publication.PublicationState State, long Version, string? Published);

/// <summary>A permit as the record of its issue states it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Digest">The decision's digest.</param>
/// <param name="ReviewId">The review, or null for a decision that needed none.</param>
/// <param name="DocumentsDigest">The digest of the documents the permit names, or null.</param>
internal sealed record IssuedPermit(string CaseId, string Digest, string? ReviewId, string? DocumentsDigest);
