using Fashen.Grammar.Text;

namespace Fashen.Grammar.Tests.Text;

public class SourceTextTests
{
    [Theory]
    [InlineData("a\nbc\nd", 2, 2, 1)]
    [InlineData("a\r\nbc\r\nd", 3, 2, 1)]
    [InlineData("a\rbc\rd", 2, 2, 1)]
    [InlineData("罚款\n金额", 4, 2, 2)]
    public void GetPosition_AnyNewlineStyle_IsOneBased(string text, int offset, int line, int column)
    {
        var source = new SourceText("f", text);
        Assert.Equal((line, column), source.GetPosition(offset));
    }

    [Fact]
    public void GetLineText_CrlfFile_ExcludesLineBreak()
    {
        var source = new SourceText("f", "first\r\nsecond\r\n");
        Assert.Equal("second", source.GetLineText(2));
        Assert.Equal(string.Empty, source.GetLineText(9));
    }

    [Fact]
    public void Mapped_FragmentOffsets_PointIntoFile()
    {
        var file = new SourceText("f.yaml", "when: >-\n  a\n  且 b\n");
        var fragment = SourceFragment.Mapped(file, "a 且 b", [11, 12, 15, 16, 17]);
        Assert.Equal(new SourceSpan("f.yaml", 3, 5, 3, 6), fragment.GetSpan(new TextSpan(4, 1)));
    }

    [Fact]
    public void AtPoint_UnmappableFragment_PointsAtScalarStart()
    {
        var file = new SourceText("f.yaml", "when: \"a\\u0020b\"\n");
        var fragment = SourceFragment.AtPoint(file, "a b", 6);
        Assert.Equal(new SourceSpan("f.yaml", 1, 7, 1, 7), fragment.GetSpan(new TextSpan(2, 1)));
    }
}
