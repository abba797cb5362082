using System.Text.RegularExpressions;
using Fashen.Grammar.Parsing;

namespace Fashen.Grammar.Tests.Parsing;

public partial class KeywordsTests
{
    [Fact]
    public void All_EqualsTheKeywordsOfTheGrammar()
    {
        // The keyword rules sit between the "Keywords." comment and the first operator rule.
        var grammar = File.ReadAllText(Repository.Path("grammar", "Threshold.g4"));
        var start = grammar.IndexOf("// Keywords.", StringComparison.Ordinal);
        var end = grammar.IndexOf("GE :", start, StringComparison.Ordinal);
        var literals = Literal().Matches(grammar[start..end]).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Equal(literals.Order(StringComparer.Ordinal), Keywords.All.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("个人罚款以上", "个人罚款 以上")]
    [InlineData("非疑难复杂", "非 疑难复杂")]
    [InlineData("罚款金额超过", "罚款金额 超过")]
    [InlineData("罚款金额", "")]
    public void SuggestSpacing_KeywordGluedToName_ShowsTheSpacedForm(string word, string expected)
    {
        var hint = Keywords.SuggestSpacing(word);
        if (expected.Length == 0)
        {
            Assert.Empty(hint);
        }
        else
        {
            Assert.Contains($"“{expected}”", hint, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Literal();
}
