namespace Fashen.Grammar.Text;

/// <summary>How many terminal columns a character takes, so carets line up under Chinese text.</summary>
public static class DisplayWidth
{
    /// <summary>Gets the number of columns a character takes in a monospaced terminal.</summary>
    /// <param name="c">The character.</param>
    /// <returns>2 for East Asian wide and full-width characters, 0 for a low surrogate, otherwise 1.</returns>
    public static int Of(char c) => c switch
    {
        >= '\u1100' and <= '\u115F' => 2, // Hangul Jamo
        >= '\u2E80' and <= '\u303E' => 2, // CJK radicals, punctuation
        >= '\u3041' and <= '\u33FF' => 2, // kana, CJK symbols
        >= '\u3400' and <= '\u4DBF' => 2, // CJK extension A
        >= '\u4E00' and <= '\u9FFF' => 2, // CJK unified ideographs
        >= '\uA000' and <= '\uA4CF' => 2, // Yi
        >= '\uAC00' and <= '\uD7A3' => 2, // Hangul syllables
        >= '\uF900' and <= '\uFAFF' => 2, // CJK compatibility ideographs
        >= '\uFE30' and <= '\uFE4F' => 2, // CJK compatibility forms
        >= '\uFF00' and <= '\uFF60' => 2, // full-width forms
        >= '\uFFE0' and <= '\uFFE6' => 2,
        >= '\uDC00' and <= '\uDFFF' => 0, // the second half of a surrogate pair counts with the first
        >= '\uD800' and <= '\uDBFF' => 2, // astral characters (mostly CJK extensions and emoji) are wide
        _ => 1,
    };
}
