using Fashen.Catalogue.Binding;
using Fashen.Catalogue.Schema;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Facts;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Parsing;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Tests.Binding;

/// <summary>Every rewrite a diagnostic proposes, applied as it stands, gives a condition with no error: no fix leads to
/// another mistake.</summary>
public class FixesTests
{
    private static readonly FactSchema Schema =
        FactSchemaLoader.Load(new SourceText("facts.yaml", File.ReadAllText(Repository.Samples("facts.yaml")))).Value!;

    private static readonly Dictionary<string, NamedThreshold> Thresholds = new()
    {
        ["个人罚款"] = new NamedThreshold("个人罚款", 20000, true, "2万元", SourceSpan.FileOnly("t")),
        ["单位罚款"] = new NamedThreshold("单位罚款", 100000, true, "10万元", SourceSpan.FileOnly("t")),
    };

    public static TheoryData<string, string> Mistakes() => new()
    {
        { "罚款金额 不低于 5万元", "FS1012" },
        { "罚款金额 不低于五万元", "FS1012" },
        { "罚款金额不超过5万元", "FS1012" },
        { "没收金额 高于 1000元", "FS1012" },
        { "罚款金额 少于 200元", "FS1012" },
        { "罚款金额 达到 单位罚款", "FS1012" },
        { "疑难复杂 && 已听证", "FS1003" },
        { "疑难复杂 & 已听证", "FS1003" },
        { "疑难复杂 || 已听证", "FS1003" },
        { "!疑难复杂", "FS1003" },
        { "罚款金额 超过 1万元（含本数）", "FS1005" },
        { "罚款金额 不满 个人罚款（含本数）", "FS1005" },
        { "罚款金额 个人罚款以上", "FS1009" },
        { "罚款金额 >= 5万元 当事人类型 == 法人", "FS1001" },
        { "罚款金额 介于 1万元 到 2万元", "FS1001" },
        { "罚款金额 没收金额的3万元倍以上", "FS1010" },
        { "罚款金额 50万元以下20万元以上", "FS1011" },
        { "罚款金额 不满50万元、超过20万元", "FS1011" },
        { "罚款金颔 >= 5万元", "FS3002" },
        { "经过听证程序", "FS3002" },
        { "非疑难复杂", "FS3002" },
        { "当事人类型 in [法仁]", "FS3003" },
        { "处罚种类 包含 “吊销营业执找”", "FS3003" },
        { "罚款金额 >= 个人罚", "FS3005" },
        { "罚款金额 >= 没收金额", "FS3005" },
        { "罚款金额 1万元以上（含2万元）", "FS3011" },
        { "罚款金额 5000元以上（含6000元）", "FS3011" },
        { "当事人类型 == 单位", "FS3015" },
        { "当事人类型 != 单位", "FS3015" },
        { "重大公共利益 或 重大权益 且 已听证", "FS1013" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Fix_AppliedAsItStands_LeavesNoError(string text, string code)
    {
        var diagnostics = Lint(text);
        var diagnostic = Assert.Single(diagnostics, d => d.Code == code);
        Assert.NotNull(diagnostic.Fix);

        var fixedText = Apply(text, diagnostic.Fix);
        Assert.Empty(Lint(fixedText));
    }

    [Fact]
    public void EveryFixInTheInvalidConditionsSample_LeavesNoNewError()
    {
        // The sample of mistakes: whatever a fix is proposed for, applying it gives no error; mistakes with no fix say what to write.
        var lines = File.ReadAllLines(Repository.Samples("conditions", "InvalidConditions.threshold")).Where(l => l.Length > 0 && !l.StartsWith('#'));
        var fixes = 0;
        foreach (var line in lines)
        {
            foreach (var diagnostic in Lint(line).Where(d => d.Fix is not null))
            {
                fixes++;
                var fixedText = Apply(line, diagnostic.Fix!);
                Assert.True(Lint(fixedText).Count == 0, $"“{line}” → “{fixedText}”: {string.Join(" ", Lint(fixedText).Select(d => d.Message))}");
            }
        }

        Assert.True(fixes >= 5, $"only {fixes} fixes in the sample");
    }

    [Theory]
    [InlineData("罚款金额 不低于 5万元")]
    [InlineData("疑难复杂 && 已听证")]
    [InlineData("罚款金额 >= 30%")]
    [InlineData("罚款金额 50万元以下20万元以上")]
    [InlineData("罚款金额 + 没收金额 >= 查补税款 * 3")]
    public void UnsupportedConstruct_SaysItIsNotSupported(string text)
    {
        Assert.Contains(Lint(text), d => d.Message.Contains("不支持", StringComparison.Ordinal));
    }

    private static IReadOnlyList<Diagnostic> Lint(string text)
    {
        var fragment = SourceFragment.Standalone("t", text);
        var parsed = ConditionParser.Parse(fragment);
        return parsed.Syntax is null
            ? parsed.Diagnostics
            : [.. parsed.Diagnostics, .. ConditionBinder.Bind(parsed.Syntax, fragment, Schema, Thresholds).Diagnostics];
    }

    // The conditions here are one line: columns are offsets.
    private static string Apply(string text, DiagnosticFix fix) =>
        text[..(fix.Span.Column - 1)] + fix.Replacement + text[(fix.Span.EndColumn - 1)..];
}
