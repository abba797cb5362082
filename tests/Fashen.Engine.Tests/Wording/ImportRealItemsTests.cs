using System.Text.RegularExpressions;
using Fashen.Catalogue.Binding;
using Fashen.Catalogue.Import;
using Fashen.Catalogue.Schema;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Conditions;
using Fashen.Engine.Decisions;
using Fashen.Engine.Facts;
using Fashen.Grammar.Parsing;
using Fashen.Grammar.Text;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Fashen.Engine.Tests.Wording;

/// <summary><c>fashen import</c> on the published wording of every real item in ../shared/domain/real-catalogue-items.yaml: the
/// share of rows whose imported condition classifies as the hand-written reading does, at the boundaries of both.</summary>
public sealed partial class ImportRealItemsTests(ITestOutputHelper output)
{
    private static readonly FactSchema Schema =
        FactSchemaLoader.Load(new SourceText("facts.yaml", File.ReadAllText(Repository.Samples("facts.yaml")))).Value!;

    [Fact]
    public void RealItems_MostImportedConditionsClassifyAsTheHandReadingDoes()
    {
        var items = RealItems();
        var reader = new RowReader(Schema);
        var same = 0;
        var comparable = 0;
        var report = new List<string>();
        foreach (var (id, original, reading) in items)
        {
            var imported = reader.Read(original);
            var hand = Translate(reading);
            var matters = new[] { imported.Matter, MatterOf(hand) }.OfType<string>().Distinct().ToList();
            var schema = matters.Count > 0 && Schema.TryGetFact("enforcement_matter", out var matterFact)
                ? Schema.Extend(new Dictionary<FactDefinition, IReadOnlyList<string>> { [matterFact] = matters })
                : Schema;
            if (hand is null || Bind(hand, schema) is not { } handCondition)
            {
                report.Add($"{id}: 无可比的手写读法（{reading}）");
                continue;
            }

            comparable++;
            var importedCondition = imported.Condition is { } text ? Bind(text, schema) : null;
            var agrees = importedCondition is not null && Agree(importedCondition, handCondition, schema);
            same += agrees ? 1 : 0;
            report.Add($"{id}: {(agrees ? "相同" : "不同")} {imported.Reading} 导入：{imported.Condition ?? "—"} | 手写：{hand}");
        }

        var share = (double)same / comparable;
        output.WriteLine($"{items.Count} 行；可比 {comparable} 行；判定相同 {same} 行（{share:P0}）");
        report.ForEach(output.WriteLine);

        // docs/language.md reports the figure; this floor only keeps the importer from getting worse unnoticed.
        Assert.True(share >= 0.6, $"导入后判定相同的只有 {same}/{comparable}。");
    }

    [Theory]
    [InlineData("拟作出对公民处以1万元以上的罚款,对法人或者其他组织处以10万元以上的罚款", ImportReading.Full,
        "(当事人类型 in [自然人] 且 罚款金额 1万元以上) 或 (当事人类型 in [法人, 非法人组织] 且 罚款金额 10万元以上)")]
    [InlineData("对个人处以2000元、对单位处以2万元以上（以上数额含本数）罚款", ImportReading.Full,
        "(当事人类型 in [自然人] 且 罚款金额 2000元以上（含本数）) 或 (当事人类型 in [单位] 且 罚款金额 2万元以上（含本数）)")]
    [InlineData("一、没收违法所得超过1000元的行政处罚决定;", ImportReading.Full, "没收金额 超过 1000元")]
    [InlineData("(二)经过听证程序做出行政许可的", ImportReading.Full, "已听证")]
    [InlineData("对盗伐、滥伐林木的处罚", ImportReading.Full, "执法事项 == “对盗伐、滥伐林木的处罚”")]
    [InlineData("(一)除当场处罚外,作出警告,罚款,责令停产停业、停止施工、停止使用,没收产品和违法所得等处罚决定的行政处罚案件;", ImportReading.Partial, "一律")]
    [InlineData("本局认为需要的其他事项", ImportReading.None, null)]
    public void Row_IsReadByItsSentenceShape(string wording, ImportReading reading, string? condition)
    {
        var row = new RowReader(Schema).Read(wording);
        Assert.Equal(condition, row.Condition);
        Assert.Equal(reading, row.Reading);
        Assert.Equal(wording, row.Title);
    }

    [Fact]
    public void Import_WritesADraftThatLintsWithOnlyDraftWarnings()
    {
        using var copy = new SampleCopy();
        var rows = RealItems().Select(i => i.Original).ToList();
        var result = CatalogueImporter.Import(rows, Schema, new ImportTarget("draft", "导入测试局", new DateOnly(2026, 12, 5), "real-catalogue-items.yaml"));
        File.WriteAllText(copy.Catalogue("draft.yaml"), result.Yaml);

        var workspace = Catalogue.Loading.CatalogueWorkspace.Load([copy.Catalogues], baseDirectory: copy.Root);
        Assert.All(workspace.Diagnostics, d => Assert.Equal("FS3048", d.Code));
        var (full, partial, none) = result.Counts;
        Assert.Equal(rows.Count, full + partial + none);
        Assert.Equal(full + partial, workspace.Diagnostics.Count);
        Assert.All(workspace.ForDepartment("draft")!.Rules, r => Assert.Contains(r.Title, rows));
        output.WriteLine($"完整读取 {full} 行，部分读取 {partial} 行，未能读取 {none} 行");
    }

    // Every fact either condition reads, at the amounts where either changes (the threshold, a cent either side, nothing) and at
    // every value; all combinations when few, else a fixed random sample of them.
    private static bool Agree(Condition imported, Condition hand, FactSchema schema)
    {
        var facts = ConditionFacts.Referenced(imported).Union(ConditionFacts.Referenced(hand)).ToList();
        var amounts = ThresholdsOf(imported).Concat(ThresholdsOf(hand)).SelectMany(t => new[] { t - 0.01m, t, t + 0.01m }).Append(0).Distinct().ToList();
        var pools = facts.Select(f => Pool(f, amounts)).ToList();
        var combinations = pools.Aggregate(1L, (n, p) => Math.Min(n * p.Count, 1_000_000));
        var random = new Random(20);
        var count = combinations <= 4096 ? combinations : 4096;
        for (var n = 0L; n < count; n++)
        {
            var values = new FactValue?[schema.Facts.Count];
            var index = n;
            for (var f = 0; f < facts.Count; f++)
            {
                var pick = combinations <= 4096 ? (int)(index % pools[f].Count) : random.Next(pools[f].Count);
                index /= pools[f].Count;
                values[schema.Facts.Single(x => x.Key == facts[f].Key).Slot] = pools[f][pick];
            }

            var decision = new BoundDecision("r", "draft", ActionKind.Penalty, Procedure.General, null, schema, values);
            if (ConditionEvaluator.Evaluate(imported, decision.Vector) != ConditionEvaluator.Evaluate(hand, decision.Vector))
            {
                return false;
            }
        }

        return true;
    }

    private static List<FactValue> Pool(FactDefinition fact, List<decimal> amounts) => fact.Type switch
    {
        FactType.Money or FactType.Number => amounts.Select(a => (FactValue)new AmountValue(a)).ToList(),
        FactType.Enum or FactType.Ordinal => fact.Values.Select(v => (FactValue)new OptionValue(v)).ToList(),
        FactType.Set => fact.Values.Select(v => (FactValue)new OptionSetValue([v])).Append(new OptionSetValue([])).ToList(),
        FactType.Judgement => [new JudgementValue(true, "测试", "测试"), new JudgementValue(false, null, null)],
        _ => [new BooleanValue(true), new BooleanValue(false)],
    };

    private static IEnumerable<decimal> ThresholdsOf(Condition condition) => condition switch
    {
        AllCondition all => all.Operands.SelectMany(ThresholdsOf),
        AnyCondition any => any.Operands.SelectMany(ThresholdsOf),
        NotCondition not => ThresholdsOf(not.Operand),
        AmountComparison c => [c.Threshold],
        AmountRange r => [r.Low, r.High],
        CombinedComparison c when c.Of is null => [c.Threshold],
        _ => [],
    };

    private static Condition? Bind(string text, FactSchema schema)
    {
        var fragment = SourceFragment.Standalone("t", text);
        var parsed = ConditionParser.Parse(fragment);
        return parsed.Syntax is null ? null : ConditionBinder.Bind(parsed.Syntax, fragment, schema, new Dictionary<string, NamedThreshold>()).Value;
    }

    // The hand readings are written in the file's own notation (judgement(x), ∩ {…} ≠ ∅, in {…}); put into the language, or
    // null where the reading uses what the schema has no fact for (action_type, case_origin values, <listed matters>).
    private static string? Translate(string reading)
    {
        if (reading.Contains('<', StringComparison.Ordinal) || reading.Trim() is "other")
        {
            return null;
        }

        var text = Regex.Replace(reading, @"#.*", string.Empty);
        text = Judgement().Replace(text, "$1");
        text = Regex.Replace(text, @"action_type (==|in) (\{[^}]*\}|\S+) and ", string.Empty);
        text = Regex.Replace(text, @"procedure_type (== 一般程序|!= 简易程序\(当场处罚\))", "一律");
        text = Regex.Replace(text, @"∩ \{([^}]*)\} ≠ ∅", "any of [$1]");
        text = Regex.Replace(text, @"(?<=\w)\s+\((?![^()]*([\[{=<>]|\bin\b|\band\b))[^()]*[\u4e00-\u9fff][^()]*\)", string.Empty);
        text = text.Replace("{", "[", StringComparison.Ordinal).Replace("}", "]", StringComparison.Ordinal)
            .Replace("required_by_other_law", "legal_catch_all", StringComparison.Ordinal)
            .Replace("assessment_or_expert_review", "expert_review", StringComparison.Ordinal)
            .Replace("个人", "自然人", StringComparison.Ordinal);
        text = Regex.Replace(text, @"enforcement_matter == (.+)$", "enforcement_matter == “$1”");
        return Regex.Replace(text, @"\s+", " ").Trim();
    }

    private static string? MatterOf(string? hand) =>
        hand is not null && Regex.Match(hand, "enforcement_matter == “(.+)”") is { Success: true } m ? m.Groups[1].Value : null;

    private static List<(string Id, string Original, string Reading)> RealItems()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Repository.Samples("import", "real-catalogue-items.yaml"))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var items = new List<(string, string, string)>();
        foreach (var section in root.Children.Values.OfType<YamlSequenceNode>())
        {
            foreach (var item in section.Children.OfType<YamlMappingNode>())
            {
                if (item.Children.TryGetValue("original", out var original) && item.Children.TryGetValue("reading", out var reading)
                    && reading is YamlMappingNode r && r.Children.TryGetValue("condition", out var condition))
                {
                    var text = Regex.Replace(((YamlScalarNode)original).Value!, @"\s+", " ").Trim();
                    items.Add((((YamlScalarNode)item["id"]).Value!, text, ((YamlScalarNode)condition).Value!));
                }
            }
        }

        return items;
    }

    [GeneratedRegex(@"judgement\((\w+)\)")]
    private static partial Regex Judgement();
}
