namespace Fashen.Store;

/// <summary>The store could not be reached or did not answer in time: the database is down or restarting, the connection
/// broke, or the record's lock was not had within the lock timeout. Retryable: the same request, with the same
/// Idempotency-Key, either completes or finds what the first attempt wrote.</summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="StoreUnavailableException"/> class.</summary>
    /// <param name="message">What happened, in Chinese, for the log.</param>
    /// <param name="mayHaveWritten">True when the failure came while a write was being committed, so that it may have
    /// taken effect; false when it certainly did not.</param>
    /// <param name="inner">The database's error.</param>
    public StoreUnavailableException(string message, bool mayHaveWritten, Exception? inner = null)
        : base(message, inner)
    {
        MayHaveWritten = mayHaveWritten;
    }

    /// <summary>Gets a value indicating whether the failed write may have been committed.</summary>
    public bool MayHaveWritten { get; }
}
