namespace Fashen.Store;

/// <summary>The database cannot be used by this version of Fashen (its schema is newer, or it cannot be reached).</summary>
public sealed class StoreSchemaException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="StoreSchemaException"/> class.</summary>
    /// <param name="message">What is wrong, in Chinese.</param>
    public StoreSchemaException(string message)
        : base(message)
    {
    }
}
