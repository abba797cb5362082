namespace Fashen.Grammar.Diagnostics;

/// <summary>A value, or the diagnostics that explain why there is none; a result may carry
/// warnings alongside its value.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <param name="Value">The value, or null when there were errors.</param>
/// <param name="Diagnostics">Every problem found.</param>
public sealed record Result<T>(T? Value, IReadOnlyList<Diagnostic> Diagnostics)
    where T : class
{
    /// <summary>Gets a value indicating whether there is a value.</summary>
    public bool Succeeded => Value is not null;

    /// <summary>Creates a result with a value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="warnings">Diagnostics that did not prevent the value, if any.</param>
    /// <returns>The result.</returns>
    public static Result<T> Success(T value, IReadOnlyList<Diagnostic>? warnings = null) => new(value, warnings ?? []);

    /// <summary>Creates a result without a value.</summary>
    /// <param name="diagnostics">The diagnostics that explain why.</param>
    /// <returns>The result.</returns>
    public static Result<T> Failure(IReadOnlyList<Diagnostic> diagnostics) => new(null, diagnostics);
}
