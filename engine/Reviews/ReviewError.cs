using Fashen.Grammar.Diagnostics;

namespace Fashen.Engine.Reviews;

/// <summary>Why the review workflow refused a request: a stable code, a Chinese message, what kind of
/// refusal it is, and any diagnostics about the decision sent.</summary>
/// <param name="Code">The stable code, FS5xxx; documented in docs/diagnostics.md.</param>
/// <param name="Message">The message, in Chinese, saying what to do.</param>
/// <param name="Kind">What kind of refusal, which hosts map to a status (HTTP 404, 409 …).</param>
/// <param name="Diagnostics">Diagnostics about the decision, when it was the decision that was wrong.</param>
public sealed record ReviewError(string Code, string Message, ReviewErrorKind Kind, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Gets extra facts about the refusal a caller can act on, such as the id of an open review.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}

/// <summary>The kinds of refusal.</summary>
public enum ReviewErrorKind
{
    /// <summary>The request or the decision in it is not acceptable as sent.</summary>
    Invalid,

    /// <summary>The caller may not do this.</summary>
    Forbidden,

    /// <summary>The review or item does not exist (or is not visible to the caller).</summary>
    NotFound,

    /// <summary>The review is not in a state that allows this, or it changed since the caller read it.</summary>
    Conflict,

    /// <summary>Something the service needs is missing on this machine for now (e.g. the opinion's font); asking again
    /// later may succeed.</summary>
    Unavailable,
}

/// <summary>A value or the reason it could not be produced.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class Outcome<T>
{
    private Outcome(T? value, ReviewError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>Gets the value, when there is one.</summary>
    public T? Value { get; }

    /// <summary>Gets the refusal, when there is one.</summary>
    public ReviewError? Error { get; }

    /// <summary>Gets a value indicating whether there is a value.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Wraps a value.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Outcome<T>(T value) => new(value, null);

    /// <summary>Wraps a refusal.</summary>
    /// <param name="error">The refusal.</param>
    public static implicit operator Outcome<T>(ReviewError error) => new(default, error);
}
