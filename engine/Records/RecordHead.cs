namespace Fashen.Engine.Records;

/// <summary>The record's head as the store keeps it, apart from the entries: the last entry's sequence and hash.</summary>
/// <param name="Sequence">The last entry's sequence number.</param>
/// <param name="Hash">The last entry's hash.</param>
public sealed record RecordHead(long Sequence, string Hash);
