using CsCheck;
using Fashen.Grammar.Formatting;
using Fashen.Grammar.Parsing;
using Fashen.Grammar.Syntax;
using Fashen.Grammar.Tests.Parsing;
using Fashen.Grammar.Text;

namespace Fashen.Grammar.Tests.Fuzzing;

/// <summary>The threshold language under random, mutated and hostile input: never a crash, a hang or a
/// stack overflow, always either a tree or a diagnostic; and formatting never changes what a condition says.</summary>
public class ConditionFuzzTests
{
    // Every condition of the sample catalogues, as the wording report lists them.
    private static readonly string[] Samples = File.ReadLines(Repository.Samples("catalogues.wording.txt"))
        .Where(l => l.Length > 0 && char.IsAsciiLetterUpper(l[0]) && l.Contains("  ", StringComparison.Ordinal))
        .Select(l => l[(l.IndexOf("  ", StringComparison.Ordinal) + 2)..])
        .ToArray();

    // Pieces a mutation inserts: keywords, brackets, numbers at the limits, and characters that are not text at all.
    private static readonly string[] Pieces =
    [
        "且", "或", "非", " and ", " or ", "not ", " in ", "any of", "(", ")", "（", "）", "[", "]", "、", ",", ">=", "≥", "==", "!=",
        "以上", "以下", "以内", "超过", "不满", "（含本数）", "（不含", "介于", "至", "之间", "一律", "是", "否", "\"", "“", "”",
        "0", "5万元", "1.5亿", "999999999999999999999999999999", "0.00001元", "-1", "1e9", "\u0000", "\uFEFF", "\u200F", "\u3000",
        "😀", "\uD800", "\uDFFF", "é", "e\u0301", "ｆｉｎｅ", "\r\n", "\t", "#", "罚款金额", "未知事实", "个人罚没档",
    ];

    private static readonly Gen<string> Mutated =
        from sample in Gen.OneOf(Samples)
        from edits in Gen.Int[1, 4]
        from seed in Gen.Int
        select Mutate(sample, edits, new Random(seed));

    [Fact]
    public void Samples_AreRead()
    {
        Assert.True(Samples.Length >= 50, $"Only {Samples.Length} sample conditions read.");
        Assert.All(Samples, s => Assert.True(Parse(s).Succeeded, s));
    }

    [Fact]
    public void Parse_MutatedSampleConditions_AlwaysATreeOrADiagnostic()
    {
        Mutated.Sample(text =>
        {
            var result = Parse(text);
            // A tree comes with no error (warnings at most); no tree comes with an error.
            return result.Succeeded ^ result.Diagnostics.Any(d => d.IsError)
                && result.Diagnostics.All(d => d.Code.StartsWith("FS1", StringComparison.Ordinal) && d.Message.Length > 0);
        }, iter: 3000);
    }

    [Fact]
    public void Parse_RandomText_AlwaysATreeOrADiagnostic()
    {
        Gen.String[Gen.Char, 0, 200].Sample(text =>
        {
            var result = Parse(text);
            return result.Succeeded ^ result.Diagnostics.Any(d => d.IsError);
        }, iter: 3000);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_999)]
    [InlineData(200)]
    public void Parse_DeepNesting_IsADiagnosticNotAStackOverflow(int depth)
    {
        foreach (var text in new[]
        {
            new string('(', depth) + "疑难复杂" + new string(')', depth),
            string.Concat(Enumerable.Repeat("非 ", depth)) + "疑难复杂",
            string.Concat(Enumerable.Repeat("(疑难复杂 且 ", depth)) + "疑难复杂" + new string(')', depth),
        })
        {
            var result = Parse(text);

            Assert.False(result.Succeeded);
            Assert.Contains(result.Diagnostics, d => d.Code is "FS1007" or "FS1008");
        }
    }

    [Theory]
    [InlineData("罚款金额 >= 99999999999999999999999999999999万元")]
    [InlineData("罚款金额 >= 0.000000000000000000000000000001")]
    [InlineData("罚款金额 介于 1亿 至 99999999999999999亿 之间")]
    public void Parse_HugeOrTinyNumbers_AreADiagnostic(string text)
    {
        var result = Parse(text);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "FS1004");
    }

    [Fact]
    public void Format_AnyConditionThatParses_ParsesBackToTheSameTree()
    {
        // Mutations that still parse are conditions nobody wrote by hand: odd spacing, nesting and spellings.
        Mutated.Where(text => Parse(text).Succeeded).Sample(text =>
        {
            var syntax = Parse(text).Syntax!;
            var formatted = ConditionFormatter.Format(syntax);
            var reparsed = Parse(formatted);
            return reparsed.Succeeded
                && Normalize(SyntaxDump.Print(reparsed.Syntax!)) == Normalize(SyntaxDump.Print(Flatten(syntax)))
                && ConditionFormatter.Format(reparsed.Syntax!) == formatted;
        }, iter: 2000);
    }

    // The formatter writes 且 inside 且 without brackets, which reads back as one longer 且: the same meaning.
    private static ConditionSyntax Flatten(ConditionSyntax syntax) => syntax switch
    {
        LogicalSyntax logical => logical with
        {
            Operands = logical.Operands.Select(Flatten)
                .SelectMany(o => o is LogicalSyntax inner && inner.Operator == logical.Operator ? inner.Operands : [o])
                .ToList(),
        },
        NotSyntax not => not with { Operand = Flatten(not.Operand) },
        _ => syntax,
    };

    // The formatter states the law's default（含本数）where it was left unsaid, which means the same.
    private static string Normalize(string dump) => dump.Replace(" (含)", string.Empty, StringComparison.Ordinal);

    private static ParseResult Parse(string text) => ConditionParser.Parse(SourceFragment.Standalone("fuzz", text));

    private static string Mutate(string text, int edits, Random random)
    {
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(text.Length + 1);
            text = random.Next(4) switch
            {
                0 => text.Insert(at, Pieces[random.Next(Pieces.Length)]),
                1 when text.Length > 0 => text.Remove(Math.Min(at, text.Length - 1), Math.Min(random.Next(1, 6), text.Length - Math.Min(at, text.Length - 1))),
                2 when text.Length > 0 => text.Insert(at, Piece(text, random)),
                _ => text.Insert(at, " "),
            };
        }

        return text;
    }

    // A short piece of the text itself, to repeat somewhere else.
    private static string Piece(string text, Random random)
    {
        var from = random.Next(text.Length);
        return text.Substring(from, Math.Min(random.Next(1, 9), text.Length - from));
    }
}
