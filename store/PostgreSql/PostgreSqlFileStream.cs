namespace Fashen.Store.PostgreSql;

/// <summary>A held file's bytes read from its rows one chunk at a time, as the reader moves: a download holds one chunk in
/// memory, and a range of a video reads only the chunks it covers.</summary>
internal sealed class PostgreSqlFileStream(PostgreSqlStore store, string sha256, long length, int chunkBytes) : Stream
{
    private byte[]? _chunk;
    private int _chunkNumber = -1;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }

        var number = (int)(_position / chunkBytes);
        if (number != _chunkNumber)
        {
            _chunk = store.ReadChunk(sha256, number);
            _chunkNumber = number;
        }

        var within = (int)(_position % chunkBytes);
        var count = Math.Min(buffer.Length, _chunk!.Length - within);
        _chunk.AsSpan(within, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
