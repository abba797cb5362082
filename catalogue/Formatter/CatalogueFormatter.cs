using System.Text;
using Fashen.Catalogue.Yaml;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Formatting;
using Fashen.Grammar.Parsing;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Formatter;

/// <summary>What formatting one catalogue file gave.</summary>
/// <param name="Text">The formatted text; the original when nothing changed or the file has errors.</param>
/// <param name="Changed">How many conditions were rewritten.</param>
/// <param name="Diagnostics">Why the file could not be formatted: YAML or condition syntax errors.</param>
public sealed record FormattedCatalogue(string Text, int Changed, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Gets a value indicating whether the file could be formatted.</summary>
    public bool Formatted => !Diagnostics.Any(d => d.IsError);
}

/// <summary>Rewrites the conditions (<c>when:</c>) of a catalogue file into the canonical form, in place:
/// everything else in the file — comments, order, quoting of other values — stays as written.</summary>
/// <remarks>A condition wider than <see cref="LineWidth"/> columns is written as a folded block, one
/// top-level operand per line; a shorter one on the line of its key. A file with a YAML or condition
/// syntax error is left alone, with the diagnostics.</remarks>
public static class CatalogueFormatter
{
    /// <summary>The widest condition written on its key's line, in columns (a Chinese character takes two).</summary>
    public const int LineWidth = 72;

    /// <summary>Formats one catalogue file.</summary>
    /// <param name="source">The file's text and name.</param>
    /// <returns>The result.</returns>
    public static FormattedCatalogue Format(SourceText source)
    {
        var (root, yamlDiagnostics) = YamlTreeReader.Read(source);
        if (yamlDiagnostics.Any(d => d.IsError) || root is not YamlMapping mapping)
        {
            return new FormattedCatalogue(source.Text, 0, yamlDiagnostics);
        }

        var edits = new List<(int Start, int End, string Text)>();
        var diagnostics = new List<Diagnostic>();
        foreach (var rule in (mapping.Get("rules") as YamlSequence)?.Items.OfType<YamlMapping>() ?? [])
        {
            var entry = rule.Entries.FirstOrDefault(e => e.Key.Value == "when");
            if (entry.Value is not YamlScalar when || when.IsNull)
            {
                continue;
            }

            var parsed = ConditionParser.Parse(ScalarFragments.For(when));
            if (parsed.Syntax is null)
            {
                diagnostics.AddRange(parsed.Diagnostics);
                continue;
            }

            // A block scalar's node runs on to the next key's indentation; only its text is replaced.
            var end = when.End;
            while (end > when.Start && char.IsWhiteSpace(source.Text[end - 1]))
            {
                end--;
            }

            var text = Scalar(source, entry.Key, when with { End = end }, parsed.Syntax);
            if (text != source.Text[when.Start..end])
            {
                edits.Add((when.Start, end, text));
            }
        }

        if (diagnostics.Count > 0)
        {
            return new FormattedCatalogue(source.Text, 0, diagnostics);
        }

        var result = new StringBuilder(source.Text);
        foreach (var (start, end, text) in edits.OrderByDescending(e => e.Start))
        {
            result.Remove(start, end - start).Insert(start, text);
        }

        return new FormattedCatalogue(result.ToString(), edits.Count, []);
    }

    // The YAML for a condition: plain on the key's line when short and safe, else a folded block indented
    // under the key. A comment after a one-line condition keeps it on one line, or the comment would join the text.
    private static string Scalar(SourceText source, YamlScalar key, YamlScalar when, Grammar.Syntax.ConditionSyntax syntax)
    {
        var line = ConditionFormatter.Format(syntax);
        var lineEnd = source.Text.IndexOf('\n', when.End) is var n and >= 0 ? n : source.Text.Length;
        var trailing = source.Text[when.End..lineEnd].Trim().Length > 0;
        var oneLine = source.GetPosition(when.Start).Line == source.GetPosition(Math.Max(when.Start, when.End - 1)).Line;
        if ((Width(line) <= LineWidth || (trailing && oneLine)) && PlainSafe(line))
        {
            return line;
        }

        if (trailing && oneLine)
        {
            return "\"" + line.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        }

        var indent = new string(' ', source.GetPosition(key.Start).Column - 1 + 2);
        var lines = ConditionFormatter.FormatLines(syntax);
        return ">-\n" + string.Join("\n", lines.Select(l => indent + l));
    }

    private static int Width(string text) => text.Sum(c => c >= '\u2E80' ? 2 : 1);

    // Whether YAML reads the text back as the same plain scalar.
    private static bool PlainSafe(string text) =>
        text.Length > 0
        && "-?:,[]{}#&*!|>'\"%@`“".IndexOf(text[0], StringComparison.Ordinal) < 0
        && !text.Contains(": ", StringComparison.Ordinal)
        && !text.Contains(" #", StringComparison.Ordinal)
        && !text.EndsWith(':');
}
