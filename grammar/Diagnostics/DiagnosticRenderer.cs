using System.Text;
using Fashen.Grammar.Text;

namespace Fashen.Grammar.Diagnostics;

/// <summary>Renders diagnostics for people: <c>file:line:col: error FS1234: message</c>, then the
/// source line and a caret under the problem.</summary>
public static class DiagnosticRenderer
{
    /// <summary>Renders diagnostics, sorted, led by a count such as "3 个错误".</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <param name="sources">Looks up a file's text by path, to show the source line; may return null.</param>
    /// <returns>The text, ending with a newline; empty when there are no diagnostics.</returns>
    public static string Render(IEnumerable<Diagnostic> diagnostics, Func<string, SourceText?> sources)
    {
        var sorted = Diagnostic.Sort(diagnostics);
        if (sorted.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        builder.Append(Summary(sorted)).Append('\n');
        foreach (var diagnostic in sorted)
        {
            RenderOne(builder, diagnostic, sources(diagnostic.Span.File));
        }

        return builder.ToString();
    }

    /// <summary>Summarises a list of diagnostics as a count, such as "2 个错误，1 个警告".</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <returns>The summary.</returns>
    public static string Summary(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var notes = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Info);
        var problems = (errors, warnings) switch
        {
            (0, 0) => "没有发现问题",
            (_, 0) => $"{errors} 个错误",
            (0, _) => $"{warnings} 个警告",
            _ => $"{errors} 个错误，{warnings} 个警告",
        };
        return notes == 0 ? problems : $"{problems}，{notes} 条说明";
    }

    /// <summary>Renders one diagnostic with its source line and caret.</summary>
    /// <param name="builder">Where to write.</param>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="source">The file's text, or null when it is not available.</param>
    public static void RenderOne(StringBuilder builder, Diagnostic diagnostic, SourceText? source)
    {
        var severity = diagnostic.SeverityName;
        builder.Append(diagnostic.Span).Append(": ").Append(severity).Append(' ')
            .Append(diagnostic.Code).Append(": ").Append(diagnostic.Message).Append('\n');
        if (source is null || !diagnostic.Span.HasPosition)
        {
            return;
        }

        var line = source.GetLineText(diagnostic.Span.Line);
        if (line.Length == 0)
        {
            return;
        }

        const string indent = "    ";
        builder.Append(indent).Append(line).Append('\n');
        var startIndex = Math.Min(diagnostic.Span.Column - 1, line.Length);
        var endIndex = diagnostic.Span.EndLine == diagnostic.Span.Line
            ? Math.Min(diagnostic.Span.EndColumn - 1, line.Length)
            : line.Length;
        builder.Append(indent);
        for (var i = 0; i < startIndex; i++)
        {
            // Keep tabs so the caret lines up whatever the tab width; wide characters take two columns.
            builder.Append(line[i] == '\t' ? "\t" : new string(' ', DisplayWidth.Of(line[i])));
        }

        var carets = 0;
        for (var i = startIndex; i < endIndex; i++)
        {
            carets += DisplayWidth.Of(line[i]);
        }

        builder.Append('^', Math.Max(1, carets)).Append('\n');
    }
}
