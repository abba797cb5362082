namespace Fashen.Engine.Documents;

/// <summary>A file held as evidence: its bytes stored once under their SHA-256, never changed or deleted; or, for a
/// recording that stays in another system, registered by its hash without its bytes.</summary>
/// <param name="Sha256">The SHA-256 of the bytes, 64 lower-case hexadecimal digits: the file's only name in the store.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="ContentType">The content type, as found in the bytes (never as declared alone).</param>
/// <param name="StoredAt">When it was first stored or registered.</param>
/// <param name="StoredBy">Who first stored or registered it (an API client's or an account's id).</param>
/// <param name="External">Where the bytes are when Fashen does not hold them; null when it does.</param>
public sealed record StoredFile(string Sha256, long Size, string ContentType, DateTimeOffset StoredAt, string StoredBy, ExternalRecording? External = null)
{
    /// <summary>Gets a value indicating whether Fashen holds the bytes.</summary>
    public bool Held => External is null;
}

/// <summary>A recording kept in another system, such as a body camera's (执法记录仪) in its management platform.</summary>
/// <param name="System">The system that keeps it (e.g. 执法记录仪管理平台).</param>
/// <param name="Location">Where in that system (its id or path there).</param>
/// <param name="Duration">How long the recording is.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record ExternalRecording(string System, string Location, TimeSpan Duration, DateTimeOffset RecordedAt);

/// <summary>Files held as evidence. The bytes are kept once per SHA-256 and never deleted or overwritten; a file's record
/// (<see cref="StoredFile"/>) is written with the record entry that stores it (<see cref="Reviews.AppendBatch.File"/>), so
/// that every file the store holds is in the chain.</summary>
public interface IFileStore
{
    /// <summary>Keeps a file's bytes under their SHA-256, durably, before the entry that records them is appended. The bytes
    /// are hashed again as they are written; when they are not the ones named, nothing is kept. Bytes kept before are kept
    /// as they are.</summary>
    /// <param name="sha256">The SHA-256 of the bytes.</param>
    /// <param name="size">Their size.</param>
    /// <param name="content">The bytes, read to the end.</param>
    /// <exception cref="FileContentMismatchException">The bytes' hash or size is not the one named.</exception>
    void KeepBytes(string sha256, long size, Stream content);

    /// <summary>Finds a file's record.</summary>
    /// <param name="sha256">The SHA-256.</param>
    /// <returns>The record, or null.</returns>
    StoredFile? FindFile(string sha256);

    /// <summary>Tells whether someone holds a file: stored it first, or sent the same bytes (or registered the same recording)
    /// since (<see cref="Reviews.AppendBatch.Holder"/>). Only a holder names a file in a submission or a report.</summary>
    /// <param name="sha256">The SHA-256.</param>
    /// <param name="holder">An API client's or an account's id.</param>
    /// <returns>True when they hold it.</returns>
    bool Holds(string sha256, string holder);

    /// <summary>Opens a held file's bytes for reading; the stream can seek (ranges of video and audio).</summary>
    /// <param name="sha256">The SHA-256.</param>
    /// <returns>The bytes, or null when they are not held here.</returns>
    Stream? OpenFile(string sha256);
}

/// <summary>The bytes given to be stored are not the ones their record names.</summary>
public sealed class FileContentMismatchException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="FileContentMismatchException"/> class.</summary>
    /// <param name="message">What differs.</param>
    public FileContentMismatchException(string message)
        : base(message)
    {
    }
}

/// <summary>Someone who sent the bytes of a file already held (or registered the same recording): they hold it too.</summary>
/// <param name="Sha256">The file's SHA-256.</param>
/// <param name="Holder">An API client's or an account's id.</param>
public sealed record FileHolder(string Sha256, string Holder);
