namespace Fashen.Grammar.Text;

/// <summary>A place in a source file, as shown to people: one-based line and column.</summary>
/// <remarks>
/// Columns count UTF-16 code units, as most editors do. <see cref="EndColumn"/> is exclusive.
/// A span with <see cref="Line"/> 0 names only the file (no position is known).
/// </remarks>
/// <param name="File">The file path as given on the command line or in the catalogue folder.</param>
/// <param name="Line">The one-based line of the first character, or 0 when unknown.</param>
/// <param name="Column">The one-based column of the first character.</param>
/// <param name="EndLine">The one-based line of the end.</param>
/// <param name="EndColumn">The one-based column just past the last character.</param>
public sealed record SourceSpan(string File, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>Gets a value indicating whether the span has a position in the file.</summary>
    public bool HasPosition => Line > 0;

    /// <summary>Creates a span that names a file but no position in it.</summary>
    /// <param name="file">The file path.</param>
    /// <returns>The span.</returns>
    public static SourceSpan FileOnly(string file) => new(file, 0, 0, 0, 0);

    /// <summary>Formats the span as <c>file:line:col</c>, or only the file when there is no position.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => HasPosition ? $"{File}:{Line}:{Column}" : File;
}
