namespace Fashen.Grammar.Text;

/// <summary>The text of one source file, with its line starts computed once.</summary>
/// <remarks>
/// Recognises <c>\n</c>, <c>\r\n</c> and <c>\r</c> as line breaks, so columns are right
/// whatever newline style the file was saved with.
/// </remarks>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    /// <summary>Initializes a new instance of the <see cref="SourceText"/> class.</summary>
    /// <param name="path">The path shown in diagnostics.</param>
    /// <param name="text">The whole text of the file.</param>
    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>Gets the path shown in diagnostics.</summary>
    public string Path { get; }

    /// <summary>Gets the whole text of the file.</summary>
    public string Text { get; }

    /// <summary>Gets the number of lines.</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>Converts a zero-based offset into a one-based line and column.</summary>
    /// <param name="offset">The offset; clamped to the text.</param>
    /// <returns>The line and column.</returns>
    public (int Line, int Column) GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>Gets the zero-based offset where a one-based line starts.</summary>
    /// <param name="line">The one-based line.</param>
    /// <returns>The offset.</returns>
    public int GetLineStart(int line) => _lineStarts[Math.Clamp(line, 1, _lineStarts.Length) - 1];

    /// <summary>Gets the text of a one-based line, without its line break.</summary>
    /// <param name="line">The one-based line.</param>
    /// <returns>The line's text, or an empty string when the line does not exist.</returns>
    public string GetLineText(int line)
    {
        if (line < 1 || line > _lineStarts.Length)
        {
            return string.Empty;
        }

        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return Text[start..end];
    }

    /// <summary>Converts a range of offsets into a <see cref="SourceSpan"/>.</summary>
    /// <param name="span">The range in this text.</param>
    /// <returns>The span with one-based positions.</returns>
    public SourceSpan GetSpan(TextSpan span)
    {
        var (line, column) = GetPosition(span.Start);
        var (endLine, endColumn) = GetPosition(span.End);
        return new SourceSpan(Path, line, column, endLine, endColumn);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
