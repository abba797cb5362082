using CsCheck;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Conditions;
using Fashen.Engine.Decisions;
using Fashen.Engine.Facts;
using Fashen.Engine.Statute;
using Fashen.Grammar.Text;
using RulesEngine.Models;

namespace Fashen.Engine.Tests.Classification;

public class ClassifierTests
{
    private const string FoodFine = """
        {
          "caseId": "桓市监罚〔2026〕118号", "department": "scjg", "action": "行政处罚", "procedure": "一般程序",
          "proposedOn": "2026-09-28",
          "facts": { "party_type": "法人", "field": "食品安全", "fine_amount": 60000, "confiscation_amount": "0.82万元",
                     "penalty_kinds": ["罚款", "没收违法所得"], "discretion_adjustment": "无", "impact": "一般" }
        }
        """;

    [Fact]
    public void Classify_MajorDecision_ExplainsWithValuesAndThresholds()
    {
        var result = Samples.Classifier("scjg").Classify(Samples.Decision(FoodFine));

        Assert.Equal(ClassificationKind.Major, result.Kind);
        var rule = Assert.Single(result.MatchedRules);
        Assert.Equal("SC-P-04", rule.Id);
        Assert.Equal(
            "所属领域 = 食品安全（属于 食品药品特种设备） 且 当事人类型 = 法人（属于 单位） 且 罚款金额 60,000 元 ≥ 食药特单位罚款档 50,000 元（含本数）",
            rule.Explanation);
        Assert.Equal("samples/catalogues/scjg.yaml", rule.Location.File);
    }

    [Fact]
    public void Classify_MajorDecision_ChecklistHasStatutoryPointsThenRulePoints()
    {
        var decision = Samples.Decision(FoodFine.Replace("[\"罚款\", \"没收违法所得\"]", "[\"罚款\", \"吊销许可证件\"]"));

        var result = Samples.Classifier("scjg").Classify(decision);

        Assert.Equal(["SC-P-01", "SC-P-04"], result.MatchedRules.Select(r => r.Id));
        Assert.Equal(
            ["执法主体", "管辖权限", "执法权限", "事实认定与证据", "程序", "行政裁量权运用", "法律适用", "文书", "听证权利"],
            result.Checklist.Select(c => c.Title));
        Assert.Equal("SC-P-01", result.Checklist[^1].Source);
        Assert.Equal("SC-P-01:听证权利", result.Checklist[^1].Id);
        Assert.Contains("听证笔录（举行听证的）", result.Materials);
        Assert.Equal("重大执法决定法制审核送审表", result.Materials[0]);
    }

    [Fact]
    public void Classify_RuleOwnDeadline_TakesTheShortestOfTheMatchedRules()
    {
        var decision = Samples.Decision("""
            { "caseId": "c1", "department": "scjg", "action": "行政强制", "procedure": "一般程序",
              "facts": { "coercive_measure": "查封", "seized_property_value": "8万元", "impact": "重大" } }
            """);
        var options = new ClassificationOptions(new DateOnly(2026, 3, 2), Samples.Workspace.Calendar);

        var result = Samples.Classifier("scjg").Classify(decision, options);

        Assert.Equal(["SC-G-02", "SC-C-01"], result.MatchedRules.Select(r => r.Id));
        Assert.Equal(5, result.Deadline!.WorkingDays);
        Assert.Equal(new DateOnly(2026, 3, 3), result.Deadline.StartsOn);
        Assert.Equal(new DateOnly(2026, 3, 9), result.Deadline.DueDate);
        Assert.Equal(3, result.Deadline.ExtensionWorkingDays);
    }

    [Fact]
    public void Classify_MissingFactAMatchingConditionNeeds_IsUndeterminedAndNamesTheFact()
    {
        var decision = Samples.Decision("""
            { "caseId": "c2", "department": "scjg", "action": "行政处罚", "procedure": "一般程序",
              "facts": { "field": "市场监管", "fine_amount": 200000, "confiscation_amount": 0, "penalty_kinds": ["罚款"],
                         "discretion_adjustment": "无", "impact": "一般" } }
            """);

        var result = Samples.Classifier("scjg").Classify(decision);

        Assert.Equal(ClassificationKind.Undetermined, result.Kind);
        var missing = Assert.Single(result.MissingFacts);
        Assert.Equal(("party_type", "当事人类型"), (missing.Key, missing.Label));
        Assert.Equal(["SC-P-02", "SC-P-03"], missing.RuleIds);
        Assert.Equal("尚无法判定：缺少 当事人类型，补充后才能判断是否属于重大执法决定。", result.Summary);
    }

    [Fact]
    public void Classify_NoFactsAtAll_IsNeverMinor()
    {
        var decision = Samples.Decision("""{ "caseId": "c3", "department": "scjg", "action": "行政处罚", "procedure": "一般程序", "facts": {} }""");

        var result = Samples.Classifier("scjg").Classify(decision);

        Assert.Equal(ClassificationKind.Undetermined, result.Kind);
        // Every fact some rule needs, in schema order; 已听证 is not needed because 重大权益 was not raised.
        Assert.Equal(
            ["fine_amount", "confiscation_amount", "field", "impact", "party_type", "penalty_kinds", "discretion_adjustment"],
            result.MissingFacts.Select(m => m.Key));
    }

    [Fact]
    public void Classify_SimpleProcedureBeyondArticle51_IsUnlawful_NeverExempt()
    {
        // A 60,000 元 fine and a confiscation on a legal person declared 简易程序: 第五十一条 allows at most a 3,000 元 fine.
        var decision = Samples.Decision(FoodFine.Replace("一般程序", "简易程序"));

        var result = Samples.Classifier("scjg").Classify(decision);

        Assert.Equal(ClassificationKind.Unlawful, result.Kind);
        Assert.Equal(["XZCF-51-2", "XZCF-51-4"], result.Violations.Select(v => v.FormId));
        Assert.Equal("处罚种类 含 没收违法所得，不限于 警告、罚款。", result.Violations[0].Explanation);
        var violation = result.Violations[1];
        Assert.Contains("《中华人民共和国行政处罚法》第五十一条", violation.Basis);
        Assert.Equal("当事人类型 = 法人（属于 单位）；罚款金额 60,000 元，不满足 ≤ 3,000 元（含本数）。", violation.Explanation);
        Assert.Contains("第五十一条", result.Summary, StringComparison.Ordinal);
        Assert.Equal(ClassificationKind.Unlawful, Samples.Classifier("scjg").Conclude(decision).Kind);
    }

    [Fact]
    public void Classify_SimpleProcedureWithinArticle51_IsExempt_AndCitesIt()
    {
        var decision = Samples.Decision(FoodFine.Replace("一般程序", "简易程序").Replace("\"fine_amount\": 60000", "\"fine_amount\": 3000")
            .Replace("[\"罚款\", \"没收违法所得\"]", "[\"罚款\"]"));

        var result = Samples.Classifier("scjg").Classify(decision);

        Assert.Equal(ClassificationKind.Exempt, result.Kind);
        Assert.Contains(result.Forms, f => f.Id == "XZCF-51-4");
        Assert.Contains("符合《中华人民共和国行政处罚法》第五十一条", result.Summary, StringComparison.Ordinal);
        Assert.Empty(Samples.Classifier("scjg").Match(decision));
    }

    [Fact]
    public void Classify_MinorDecision_NearMissesSayWhatWouldFlipThem()
    {
        var decision = Samples.Decision(FoodFine.Replace("\"fine_amount\": 60000", "\"fine_amount\": 40000"));

        var result = Samples.Classifier("scjg").Classify(decision);

        Assert.Equal(ClassificationKind.Minor, result.Kind);
        var closest = result.NearMisses[0];
        Assert.Equal("SC-P-04", closest.Id);
        Assert.Equal(["罚款金额 40,000 元，不满足 ≥ 食药特单位罚款档 50,000 元（含本数）"], closest.Failed);
        Assert.Equal(["罚款金额 ≥ 食药特单位罚款档 50,000 元（含本数）"], closest.ToMatch);
        Assert.Equal(3, result.NearMisses.Count);
    }

    [Fact]
    public void Classify_NearMisses_PreferMeasurableFactsOverJudgements()
    {
        var decision = Samples.Decision(FoodFine.Replace("\"fine_amount\": 60000", "\"fine_amount\": 1000"));

        var result = Samples.Classifier("scjg").Classify(decision);

        Assert.DoesNotContain(result.NearMisses.Take(2), m => m.ToMatch.Any(t => t.StartsWith("经认定", StringComparison.Ordinal)));
    }

    [Fact]
    public void Classify_JudgementFlag_ExplanationNamesWhoRaisedItAndWhy()
    {
        var decision = Samples.Decision(FoodFine.Replace(
            "\"impact\": \"一般\"",
            "\"impact\": \"一般\", \"complexity\": { \"raisedBy\": \"李敏（科长）\", \"reason\": \"涉及两个法律关系\" }"));

        var result = Samples.Classifier("scjg").Classify(decision);

        Assert.Contains(result.MatchedRules, r => r.Id == "SC-G-03" && r.Explanation == "疑难复杂（李敏（科长） 认定：涉及两个法律关系）");
    }

    [Fact]
    public void Classify_DecisionBoundToAnotherFactsFile_IsRefused()
    {
        // The same facts in another file (another content hash) may lay out slots differently.
        var schema = Samples.Catalogue("scjg").Schema;
        var other = new FactSchema(schema.Facts, schema.Source with { ContentHash = "sha256:another-facts-file" });
        var decision = DecisionBinder.Bind(DecisionJsonReader.Read(new SourceText("d.json", FoodFine)).Value!, other).Value!;

        Assert.Throws<ArgumentException>(() => Samples.Classifier("scjg").Classify(decision));
    }

    [Fact]
    public void Classify_DecisionBoundToAnotherLoadOfTheSameFactsFile_IsAccepted()
    {
        // nync reads the same facts file as scjg: a decision bound for one is classified by the other as it is.
        var decision = Samples.Decision(FoodFine);

        Assert.NotSame(decision.Schema, Samples.Catalogue("nync").Schema);
        Assert.Equal(decision.CaseId, Samples.Classifier("nync").Classify(decision).CaseId);
    }

    [Fact]
    public void Classify_SameDecisionTwice_SameAnswer()
    {
        var classifier = Samples.Classifier("scjg");
        var first = classifier.Classify(Samples.Decision(FoodFine));
        var second = classifier.Classify(Samples.Decision(FoodFine));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(first), System.Text.Json.JsonSerializer.Serialize(second));
    }

    [Fact]
    public async Task Workflow_RulesEngineExecuteAllRules_AgreesWithCompiledDelegatesOnEveryTestDecision()
    {
        foreach (var catalogue in Samples.Workspace.Catalogues)
        {
            var classifier = Samples.Classifier(catalogue);
            var engine = new RulesEngine.RulesEngine([classifier.Workflow], new ReSettings { AutoExecuteActions = false });
            foreach (var test in catalogue.Tests.Where(t => t.Decision.Procedure == Procedure.General))
            {
                var results = await engine.ExecuteAllRulesAsync(catalogue.Id, new RuleParameter(Classifier.WorkflowInputName, test.Decision.Vector));
                Assert.All(results, r => Assert.True(string.IsNullOrEmpty(r.ExceptionMessage), r.ExceptionMessage));
                var byEngine = results
                    .Where(r => r.IsSuccess && catalogue.Rules.Single(x => x.Id == r.Rule.RuleName).Actions.Contains(test.Decision.Action))
                    .Select(r => r.Rule.RuleName);
                Assert.Equal(byEngine, classifier.Match(test.Decision).Select(r => r.Id));
            }
        }
    }

    [Fact]
    public void Match_RandomDecisions_AgreesWithDirectThreeValuedEvaluation()
    {
        // Property: the compiled expressions agree with a straightforward evaluation of the condition tree on
        // any decision — a rule matches exactly when its condition is definitely true. Amounts fall at, just
        // below and just above every threshold as often as anywhere else.
        var catalogues = Samples.Workspace.Catalogues.Select(c => (Catalogue: c, Classifier: Samples.Classifier(c), Amounts: c.Rules.SelectMany(r => Amounts(r.Condition)).Distinct().ToList())).ToList();
        var decisions =
            from index in Gen.Int[0, catalogues.Count - 1]
            from seed in Gen.Int
            select (Index: index, Decision: RandomDecision(catalogues[index].Catalogue, catalogues[index].Amounts, new Random(seed), simpleOneIn: 4));

        decisions.Sample(
            d =>
            {
                var (catalogue, classifier, _) = catalogues[d.Index];
                var matched = classifier.Match(d.Decision).Select(r => r.Id).ToList();
                var expected = catalogue.Rules
                    .Where(r => d.Decision.Procedure == Procedure.General && r.Actions.Contains(d.Decision.Action)
                        && ConditionEvaluator.Evaluate(r.Condition, d.Decision.Vector) == Truth.True)
                    .Select(r => r.Id).ToList();
                Assert.Equal(expected, matched);

                // Conclude (the replay's path, compiled) concludes as Classify does; where the decision keeps its forms, it says
                // undecided exactly when some rule is, by the tree.
                var (kind, _) = classifier.Conclude(d.Decision);
                Assert.Equal(classifier.Classify(d.Decision, ClassificationOptions.Default with { NearMisses = 0 }).Kind, kind);
                if (classifier.Forms.Verdict(d.Decision) == FormVerdict.Lawful && d.Decision.Procedure == Procedure.General)
                {
                    var undecided = expected.Count == 0 && catalogue.Rules
                        .Any(r => r.Actions.Contains(d.Decision.Action) && ConditionEvaluator.Evaluate(r.Condition, d.Decision.Vector) == Truth.Unknown);
                    Assert.Equal(undecided, kind == ClassificationKind.Undetermined);
                }
            },
            iter: 20_000,
            print: d => $"{catalogues[d.Index].Catalogue.Id} {d.Decision.Action}: {Engine.Decisions.DecisionCanonicalForm.ToJson(d.Decision)}");
    }

    internal static BoundDecision RandomDecision(Engine.Catalogues.Catalogue catalogue, List<decimal> amounts, Random random, int absentOneIn = 4, int simpleOneIn = 0)
    {
        var schema = catalogue.Schema;
        var values = new FactValue?[schema.Facts.Count];
        var action = catalogue.Schema.Actions[random.Next(catalogue.Schema.Actions.Count)];
        foreach (var fact in schema.Facts)
        {
            // Now and then a fact of another kind of action, which makes the decision unlawful; mostly not.
            if (random.Next(absentOneIn) == 0 || (!fact.BelongsTo(action) && random.Next(8) != 0))
            {
                continue; // absent
            }

            values[fact.Slot] = fact.Type switch
            {
                FactType.Money or FactType.Number when amounts.Count > 0 && random.Next(2) == 0 =>
                    new AmountValue(amounts[random.Next(amounts.Count)] + (random.Next(3) - 1) * 0.01m),
                FactType.Money or FactType.Number => new AmountValue(random.Next(0, 600_000)),
                FactType.Enum or FactType.Ordinal when fact.Values.Count > 0 => new OptionValue(fact.Values[random.Next(fact.Values.Count)]),
                FactType.Set => new OptionSetValue(fact.Values.Where(_ => random.Next(6) == 0).ToList()),
                FactType.Boolean => new BooleanValue(random.Next(2) == 0),
                FactType.Judgement => random.Next(3) == 0 ? new JudgementValue(true, "测试", "随机") : new JudgementValue(false, null, null),
                _ => null,
            };
        }

        var procedure = simpleOneIn > 0 && random.Next(simpleOneIn) == 0 ? Procedure.Simple : Procedure.General;
        return new BoundDecision("r", catalogue.Id, action, procedure, null, schema, values);
    }

    internal static IEnumerable<decimal> Amounts(Condition condition) => condition switch
    {
        AllCondition all => all.Operands.SelectMany(Amounts),
        AnyCondition any => any.Operands.SelectMany(Amounts),
        NotCondition not => Amounts(not.Operand),
        AmountComparison c => [c.Threshold],
        AmountRange r => [r.Low, r.High],
        _ => [],
    };
}
