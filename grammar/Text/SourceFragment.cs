namespace Fashen.Grammar.Text;

/// <summary>A piece of text taken from a source file, such as a condition inside a YAML scalar,
/// that knows where each of its characters came from.</summary>
/// <remarks>
/// Diagnostics about a fragment point into the file it came from, not into the extracted string.
/// When the exact origin of each character cannot be known (an escaped scalar, for example),
/// every position maps to the start of the scalar rather than to a guess.
/// </remarks>
public sealed class SourceFragment
{
    private readonly int[]? _fileOffsets;
    private readonly int _fallbackOffset;

    private SourceFragment(SourceText file, string text, int[]? fileOffsets, int fallbackOffset)
    {
        File = file;
        Text = text;
        _fileOffsets = fileOffsets;
        _fallbackOffset = fallbackOffset;
    }

    /// <summary>Gets the file the fragment came from.</summary>
    public SourceText File { get; }

    /// <summary>Gets the fragment's own text.</summary>
    public string Text { get; }

    /// <summary>Gets a value indicating whether every character maps to its exact place in the file.</summary>
    public bool IsExactlyMapped => _fileOffsets is not null;

    /// <summary>Creates a fragment that is a whole file.</summary>
    /// <param name="file">The file.</param>
    /// <returns>The fragment.</returns>
    public static SourceFragment WholeFile(SourceText file)
    {
        var offsets = new int[file.Text.Length];
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = i;
        }

        return new SourceFragment(file, file.Text, offsets, 0);
    }

    /// <summary>Creates a fragment whose characters each have a known offset in the file.</summary>
    /// <param name="file">The file.</param>
    /// <param name="text">The fragment's text.</param>
    /// <param name="fileOffsets">For each character of <paramref name="text"/>, its offset in the file.</param>
    /// <returns>The fragment.</returns>
    public static SourceFragment Mapped(SourceText file, string text, int[] fileOffsets)
    {
        if (fileOffsets.Length != text.Length)
        {
            throw new ArgumentException("One file offset is needed per character.", nameof(fileOffsets));
        }

        return new SourceFragment(file, text, fileOffsets, fileOffsets.Length > 0 ? fileOffsets[0] : 0);
    }

    /// <summary>Creates a fragment whose positions all map to one place in the file.</summary>
    /// <param name="file">The file.</param>
    /// <param name="text">The fragment's text.</param>
    /// <param name="fileOffset">The offset every position maps to, usually the start of a YAML scalar.</param>
    /// <returns>The fragment.</returns>
    public static SourceFragment AtPoint(SourceText file, string text, int fileOffset) =>
        new(file, text, null, fileOffset);

    /// <summary>Creates a fragment that is its own file, for text given directly (tests, command line).</summary>
    /// <param name="name">The name shown in diagnostics.</param>
    /// <param name="text">The text.</param>
    /// <returns>The fragment.</returns>
    public static SourceFragment Standalone(string name, string text) => WholeFile(new SourceText(name, text));

    /// <summary>Converts a range of the fragment's text into a span in the file.</summary>
    /// <param name="span">The range in <see cref="Text"/>.</param>
    /// <returns>The span in the file.</returns>
    public SourceSpan GetSpan(TextSpan span)
    {
        if (_fileOffsets is null || _fileOffsets.Length == 0)
        {
            return File.GetSpan(new TextSpan(_fallbackOffset, 0));
        }

        var start = MapOffset(span.Start);
        var end = span.Length == 0 ? start : MapOffset(span.End - 1) + 1;
        return File.GetSpan(TextSpan.FromBounds(start, end));
    }

    private int MapOffset(int offset)
    {
        var offsets = _fileOffsets!;
        if (offset >= offsets.Length)
        {
            return offsets[^1] + 1;
        }

        return offsets[Math.Max(0, offset)];
    }
}
