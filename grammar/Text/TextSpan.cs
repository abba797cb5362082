namespace Fashen.Grammar.Text;

/// <summary>A range of characters in a piece of text, by zero-based offset and length.</summary>
/// <param name="Start">The zero-based offset of the first character.</param>
/// <param name="Length">The number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Gets the offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Creates a span from a start offset and an exclusive end offset.</summary>
    /// <param name="start">The zero-based offset of the first character.</param>
    /// <param name="end">The offset just past the last character.</param>
    /// <returns>The span.</returns>
    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));
}
