namespace Fashen.Store;

/// <summary>The chain head as a group's appends move it on: the last entry's sequence and hash.</summary>
/// <param name="sequence">The last sequence, 0 for an empty record.</param>
/// <param name="hash">The last hash, or the genesis hash for an empty record.</param>
internal sealed class ChainHead(long sequence, string hash)
{
    public long Sequence { get; set; } = sequence;

    public string Hash { get; set; } = hash;
}
