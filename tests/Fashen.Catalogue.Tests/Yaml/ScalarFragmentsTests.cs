using Fashen.Catalogue.Yaml;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Tests.Yaml;

public class ScalarFragmentsTests
{
    private static (SourceFragment Fragment, SourceText Source) When(string yaml)
    {
        var source = new SourceText("t.yaml", yaml);
        var (root, diagnostics) = YamlTreeReader.Read(source);
        Assert.Empty(diagnostics);
        var scalar = (YamlScalar)((YamlMapping)root!).Get("when")!;
        return (ScalarFragments.For(scalar), source);
    }

    // Finds where a word of the condition lands in the file, as "line:column".
    private static string Locate(string yaml, string word)
    {
        var (fragment, _) = When(yaml);
        var index = fragment.Text.IndexOf(word, StringComparison.Ordinal);
        Assert.True(index >= 0, fragment.Text);
        var span = fragment.GetSpan(new TextSpan(index, word.Length));
        return $"{span.Line}:{span.Column}-{span.EndColumn}";
    }

    [Theory]
    [InlineData("when: 罚款金额 >= 个人罚款\n", "1:15-19")]
    [InlineData("when: '罚款金额 >= 个人罚款'\n", "1:16-20")]
    [InlineData("when: '罚款''金额 >= 个人罚款'\n", "1:18-22")]
    [InlineData("when: \"罚款金额 >= 个人罚款\"\n", "1:16-20")]
    [InlineData("when: >-\n  当事人类型 in [单位]\n  且 罚款金额 >= 个人罚款\n", "3:13-17")]
    [InlineData("when: |\n  当事人类型 in [单位]\n    且 罚款金额 >= 个人罚款\n", "3:15-19")]
    [InlineData("when: 当事人类型 in [单位]\n  且 罚款金额 >= 个人罚款\n", "2:13-17")]
    [InlineData("when: >-\r\n  当事人类型 in [单位]\r\n  且 罚款金额 >= 个人罚款\r\n", "3:13-17")]
    public void For_ScalarStyles_MapEachCharacterToItsColumn(string yaml, string expected) =>
        Assert.Equal(expected, Locate(yaml, "个人罚款"));

    [Fact]
    public void For_EscapedDoubleQuotedScalar_FallsBackToScalarStart()
    {
        var (fragment, _) = When("when: \"罚款金额\\u0020>= 个人罚款\"\n");

        Assert.False(fragment.IsExactlyMapped);
        Assert.Equal("罚款金额 >= 个人罚款", fragment.Text);
        Assert.Equal(new SourceSpan("t.yaml", 1, 7, 1, 7), fragment.GetSpan(new TextSpan(8, 4)));
    }
}
