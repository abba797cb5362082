using Fashen.Grammar.Text;

namespace Fashen.Grammar.Diagnostics;

/// <summary>A problem found in a user's input: a stable code, a severity, a Chinese message that
/// says how to fix it, and where it is.</summary>
/// <remarks>Diagnostics are values, never exceptions: every layer returns all it found at once.</remarks>
/// <param name="Code">The stable code, <c>FS</c> and four digits; documented in docs/diagnostics.md.</param>
/// <param name="Severity">How serious the problem is.</param>
/// <param name="Message">The message for the person who wrote the input.</param>
/// <param name="Span">Where the problem is.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceSpan Span)
{
    /// <summary>Gets the rewrite the message proposes, when there is one that can be applied as it stands; every such fix is
    /// tested to give a condition with no error (FixesTests).</summary>
    public DiagnosticFix? Fix { get; init; }

    /// <summary>Gets a value indicating whether this is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Gets the severity as written in output and on the wire: error, warning or info.</summary>
    public string SeverityName => Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Creates an error.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="message">The message.</param>
    /// <param name="span">Where the problem is.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic Error(string code, string message, SourceSpan span) =>
        new(code, DiagnosticSeverity.Error, message, span);

    /// <summary>Creates a warning.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="message">The message.</param>
    /// <param name="span">Where the problem is.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic Warning(string code, string message, SourceSpan span) =>
        new(code, DiagnosticSeverity.Warning, message, span);

    /// <summary>Creates a note that nothing is wrong, but something readers should know.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="message">The message.</param>
    /// <param name="span">What it is about.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic Info(string code, string message, SourceSpan span) =>
        new(code, DiagnosticSeverity.Info, message, span);

    /// <summary>Sorts diagnostics by file, line, column, then code, the order in which they are shown.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <returns>The sorted list, without exact duplicates.</returns>
    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Distinct()
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}

/// <summary>A rewrite a diagnostic proposes: replace the text at a place with other text.</summary>
/// <param name="Span">What to replace.</param>
/// <param name="Replacement">What to write instead.</param>
public sealed record DiagnosticFix(SourceSpan Span, string Replacement)
{
    /// <summary>Gets where the fix applies in the condition's own text, for the parser to try it before proposing it.</summary>
    internal TextSpan? Local { get; init; }

    /// <summary>Creates a fix of a condition's text.</summary>
    /// <param name="source">The condition.</param>
    /// <param name="span">What to replace, in the condition's text.</param>
    /// <param name="replacement">What to write instead.</param>
    /// <returns>The fix.</returns>
    internal static DiagnosticFix In(SourceFragment source, TextSpan span, string replacement) =>
        new(source.GetSpan(span), replacement) { Local = span };
}
