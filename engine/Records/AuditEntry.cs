namespace Fashen.Engine.Records;

/// <summary>One entry of the tamper-evident record (执法全过程记录): an event, who caused it and when,
/// chained to the entry before it by hash.</summary>
/// <param name="Sequence">The entry's position in the record, from 1, without gaps.</param>
/// <param name="At">When the event happened (UTC).</param>
/// <param name="Type">The event type, such as <c>review.submitted</c>.</param>
/// <param name="ReviewId">The review the event belongs to, or null.</param>
/// <param name="Department">The department the event concerns, or null.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="Data">The event's content, as canonical JSON.</param>
/// <param name="PreviousHash">The hash of the entry before, or <see cref="AuditChain.Genesis"/> for the first.</param>
/// <param name="Hash">The hash of this entry's canonical form (all the fields above).</param>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string Type,
    string? ReviewId,
    string? Department,
    Actor Actor,
    string Data,
    string PreviousHash,
    string Hash);

/// <summary>An event to append: the store gives it its sequence and hashes.</summary>
/// <param name="Type">The event type.</param>
/// <param name="ReviewId">The review it belongs to, or null.</param>
/// <param name="Department">The department it concerns, or null.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="Data">The content, as canonical JSON.</param>
public sealed record PendingEntry(string Type, string? ReviewId, string? Department, Actor Actor, string Data);
