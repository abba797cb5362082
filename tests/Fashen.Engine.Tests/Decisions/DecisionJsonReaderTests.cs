using Fashen.Engine.Decisions;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Tests.Decisions;

public class DecisionJsonReaderTests
{
    [Fact]
    public void Read_Decision_KeepsPositionsOfValues()
    {
        var json = "{\n  \"caseId\": \"甲\",\n  \"facts\": {\n    \"罚款金额\": \"五万元\"\n  }\n}\n";

        var decision = DecisionJsonReader.Read(new SourceText("d.json", json)).Value!;

        var fact = Assert.Single(decision.Facts);
        Assert.Equal("罚款金额", fact.Name);
        Assert.Equal((4, 5), (fact.NameSpan.Line, fact.NameSpan.Column));
        Assert.Equal((4, 13), (fact.Value.Span.Line, fact.Value.Span.Column));
        Assert.Equal(new RawText("五万元", fact.Value.Span), fact.Value);
    }

    [Theory]
    [InlineData("甲", 1)]                 // three UTF-8 bytes, one character
    [InlineData("é", 1)]                  // two bytes
    [InlineData("😀", 2)]                 // a surrogate pair: four bytes, two characters
    public void Read_ValueAfterWideCharacters_IsPlacedAtItsCharacter(string party, int partyChars) => AssertCaseIdPlaced(party, partyChars);

    [Fact]
    public void Read_JsonSyntaxErrorAfterWideCharacters_IsPlacedAtItsCharacter()
    {
        // The reader reports the byte where it stopped; the diagnostic names the character: the quote of "b",
        // where a comma was expected, after a two-character, six-byte value and an emoji.
        var json = "{\n  \"caseId\": \"甲乙😀\" \"b\": 1 }";

        var diagnostic = Assert.Single(DecisionJsonReader.Read(new SourceText("d.json", json)).Diagnostics);

        Assert.Equal((2, json.Split('\n')[1].IndexOf("\"b\"", StringComparison.Ordinal) + 1), (diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void Read_ValueAfterALoneSurrogate_IsPlacedAtItsCharacter() =>
        AssertCaseIdPlaced("a" + (char)0xD800 + "b", 3);   // a lone surrogate is encoded as U+FFFD, three bytes (not in an attribute, which would mangle it)

    private static void AssertCaseIdPlaced(string party, int partyChars)
    {
        var json = "{ \"party\": \"" + party + "\", \"caseId\": \"x\" }";

        var decision = DecisionJsonReader.Read(new SourceText("d.json", json)).Value!;

        // { "party": " is 12 characters, then the party, then ", "caseId":  (13) before the opening quote of x.
        Assert.Equal(12 + partyChars + 13 + 1, decision.CaseId!.Span.Column);
    }

    [Theory]
    [InlineData("{ \"caseId\": \"a\",, }", "FS4013", 1)]
    [InlineData("[1, 2]", "FS4013", 1)]
    [InlineData("{ \"case\": \"a\" }", "FS4013", 1)]
    [InlineData("{ \"facts\": [] }", "FS4013", 1)]
    [InlineData("{ \"facts\": { \"疑难复杂\": { \"who\": \"x\" } } }", "FS4013", 1)]
    [InlineData("{\n\"caseId\": 5\n}", "FS4013", 2)]
    [InlineData("{ \"caseId\": \"a\" }\n{ }", "FS4013", 2)]
    public void Read_Malformed_ReportsFS4013WithPosition(string json, string code, int line)
    {
        var result = DecisionJsonReader.Read(new SourceText("d.json", json));

        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(line, diagnostic.Span.Line);
    }

    [Fact]
    public void Read_ValueKinds_AreKeptApart()
    {
        var json = """{ "facts": { "a": 1.50, "b": "x", "c": true, "d": null, "e": ["p", "q"], "f": { "raised": false } } }""";

        var facts = DecisionJsonReader.Read(new SourceText("d.json", json)).Value!.Facts.ToDictionary(f => f.Name, f => f.Value);

        Assert.Equal(1.50m, Assert.IsType<RawNumber>(facts["a"]).Value);
        Assert.IsType<RawText>(facts["b"]);
        Assert.True(Assert.IsType<RawBoolean>(facts["c"]).Value);
        Assert.IsType<RawNull>(facts["d"]);
        Assert.Equal(2, Assert.IsType<RawList>(facts["e"]).Items.Count);
        Assert.False(Assert.IsType<RawJudgement>(facts["f"]).Raised);
    }
}
