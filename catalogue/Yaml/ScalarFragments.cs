using Fashen.Grammar.Text;
using YamlDotNet.Core;

namespace Fashen.Catalogue.Yaml;

/// <summary>Maps each character of a scalar's value back to its place in the YAML file, so that a
/// diagnostic inside a condition points at the right column.</summary>
public static class ScalarFragments
{
    /// <summary>Creates the fragment for a scalar's value.</summary>
    /// <param name="scalar">The scalar.</param>
    /// <returns>A fragment mapped character by character when the value can be aligned with the raw
    /// text (plain, quoted without escapes, literal and folded blocks); otherwise one whose every
    /// position is the start of the scalar.</returns>
    public static SourceFragment For(YamlScalar scalar)
    {
        var value = scalar.Value;
        var raw = scalar.Source.Text;
        var start = scalar.Start;
        var end = Math.Min(scalar.End, raw.Length);
        switch (scalar.Style)
        {
            case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted:
                start++;
                break;
            case ScalarStyle.Literal or ScalarStyle.Folded:
                // The value starts on the line after the block indicator (| or >).
                var newline = raw.IndexOf('\n', start);
                start = newline < 0 ? end : newline + 1;
                break;
        }

        return Align(scalar, value, raw, start, end) is { } offsets
            ? SourceFragment.Mapped(scalar.Source, value, offsets)
            : SourceFragment.AtPoint(scalar.Source, value, scalar.Start);
    }

    // Walks the value and the raw text together. Line folding and indentation make the two
    // differ only in whitespace, and a single-quoted scalar writes ' as ''. Anything else (an
    // escape sequence) means the mapping cannot be exact.
    private static int[]? Align(YamlScalar scalar, string value, string raw, int start, int end)
    {
        var offsets = new int[value.Length];
        var j = start;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsWhiteSpace(c))
            {
                offsets[i] = Math.Min(j, end);
                if (j < end && char.IsWhiteSpace(raw[j]))
                {
                    j++;
                }

                continue;
            }

            while (j < end && char.IsWhiteSpace(raw[j]))
            {
                j++;
            }

            if (j >= end || raw[j] != c)
            {
                return null;
            }

            offsets[i] = j;
            j += scalar.Style == ScalarStyle.SingleQuoted && c == '\'' && j + 1 < end && raw[j + 1] == '\'' ? 2 : 1;
        }

        return offsets;
    }
}
