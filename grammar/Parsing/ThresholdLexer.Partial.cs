using System.Text;

namespace Fashen.Grammar.Generated;

/// <summary>Fixes a crash in ANTLR's C# runtime for characters outside the Basic Multilingual Plane.</summary>
internal partial class ThresholdLexer
{
    // The runtime's GetErrorDisplay calls char.ConvertToUtf32 on the offending text, which throws for
    // a lone surrogate: that is half of any emoji or rare CJK character, since the input stream is
    // read in UTF-16 units. Our error listener builds its own message, so any safe display will do.
    public override string GetErrorDisplay(string s)
    {
        var display = new StringBuilder();
        foreach (var c in s)
        {
            display.Append(char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return display.ToString();
    }
}
