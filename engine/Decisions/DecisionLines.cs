using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Decisions;

/// <summary>Reads a file of decisions in JSON lines: one decision per line, as a case system exports its
/// past decisions for <c>fashen diff</c>.</summary>
public static class DecisionLines
{
    /// <summary>Reads every line; a line that is not a decision is a diagnostic pointing into the file, and
    /// the other lines are still read.</summary>
    /// <param name="path">The file's name as shown in diagnostics.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="maxDiagnostics">How many unreadable lines to describe in full; the rest are only counted.</param>
    /// <returns>The decisions with their line numbers, the diagnostics, and how many lines could not be read.</returns>
    public static DecisionLinesRead Read(string path, string text, int maxDiagnostics = 20)
    {
        var decisions = new List<(int Line, Decision Decision)>();
        var diagnostics = new List<Diagnostic>();
        var unreadable = 0;
        var line = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            line++;
            var content = text[range].TrimEnd('\r');
            if (content.Trim().Length == 0)
            {
                continue;
            }

            var read = DecisionJsonReader.Read(new SourceText(path, content));
            if (read.Value is { } decision)
            {
                decisions.Add((line, decision));
                continue;
            }

            // Read again at the line's place in the file, so that the diagnostics point at it. Only for
            // the first few: padding is as long as the file before the line.
            if (unreadable++ < maxDiagnostics)
            {
                diagnostics.AddRange(DecisionJsonReader.Read(new SourceText(path, new string('\n', line - 1) + content)).Diagnostics);
            }
        }

        return new DecisionLinesRead(decisions, diagnostics, unreadable);
    }
}

/// <summary>What was read from a file of decisions.</summary>
/// <param name="Decisions">Each decision read, with its line number.</param>
/// <param name="Diagnostics">Why lines could not be read (the first few).</param>
/// <param name="Unreadable">How many lines could not be read.</param>
public sealed record DecisionLinesRead(IReadOnlyList<(int Line, Decision Decision)> Decisions, IReadOnlyList<Diagnostic> Diagnostics, int Unreadable);
