using System.Linq.Expressions;
using Fashen.Engine.Calendar;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Conditions;
using Fashen.Engine.Decisions;
using Fashen.Engine.Diagnostics;
using Fashen.Engine.Facts;
using Fashen.Engine.Statute;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;
using CatalogueRule = Fashen.Engine.Catalogues.Rule;
using WorkflowRule = RulesEngine.Models.Rule;

namespace Fashen.Engine.Classification;

/// <summary>Classifies decisions against one catalogue: compiled once, then cheap and free of side effects.</summary>
/// <remarks>
/// Each rule's condition is written as a RulesEngine expression (<see cref="ExpressionWriter"/>) and
/// parsed once by RulesEngine's <see cref="RuleExpressionParser"/>; the parsed rules of each action
/// kind are compiled together into one delegate that returns a bit per matching rule
/// (<see cref="ActionRuleSet"/>), which is far cheaper than <c>ExecuteAllRulesAsync</c> (see bench/).
/// The same expressions also form a RulesEngine <see cref="Workflow"/>, which a test runs through
/// <c>ExecuteAllRulesAsync</c> to prove the two agree.
/// </remarks>
public sealed partial class Classifier
{
    private readonly ActionRuleSet[] _byAction;

    private Classifier(Catalogue catalogue, IReadOnlyList<CompiledRule> rules, ParameterExpression parameter)
    {
        Catalogue = catalogue;
        Forms = new FormChecker(catalogue.Forms, catalogue.Schema);
        Rules = rules;
        Parameter = parameter;
        _byAction = catalogue.Schema.Actions
            .Select(kind => new ActionRuleSet(rules.Where(r => r.Rule.Actions.Contains(kind)).ToArray(), parameter))
            .ToArray();
        Reference = new CatalogueReference(
            catalogue.Id, catalogue.Name, catalogue.Version, catalogue.Revision, catalogue.EffectiveFrom, catalogue.EffectiveTo, catalogue.Commit);
        Workflow = new Workflow
        {
            WorkflowName = catalogue.Id,
            Rules = rules.Select(r => new WorkflowRule
            {
                RuleName = r.Rule.Id,
                Expression = r.Expression,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
            }).ToList(),
        };
    }

    /// <summary>Gets the catalogue.</summary>
    public Catalogue Catalogue { get; }

    /// <summary>Gets the check of the forms the law requires that the catalogue stands on.</summary>
    public FormChecker Forms { get; }

    /// <summary>Gets the catalogue's provenance, as every answer names it.</summary>
    public CatalogueReference Reference { get; }

    /// <summary>Gets the catalogue as a RulesEngine workflow whose input is a <see cref="FactVector"/>
    /// named <c>facts</c>; it gives the same matches as <see cref="Match"/>.</summary>
    public Workflow Workflow { get; }

    /// <summary>Gets the name of the workflow's input parameter.</summary>
    public static string WorkflowInputName => ExpressionWriter.Parameter;

    internal IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>Gets the parameter every rule's expression reads the facts from.</summary>
    internal ParameterExpression Parameter { get; }

    /// <summary>Gets the compiled rules that cover one action kind.</summary>
    internal ActionRuleSet RulesFor(ActionKind action) => _byAction[Catalogue.Schema.IndexOf(action)];

    /// <summary>Compiles a catalogue.</summary>
    /// <param name="catalogue">The validated catalogue.</param>
    /// <returns>The classifier.</returns>
    public static Classifier Compile(Catalogue catalogue)
    {
        var parser = new RuleExpressionParser(new ReSettings());
        var parameter = Expression.Parameter(typeof(FactVector), ExpressionWriter.Parameter);
        var rules = catalogue.Rules.Select(rule =>
        {
            var text = ExpressionWriter.DefinitelyTrue(rule.Condition);
            var body = parser.Parse(text, [parameter], typeof(bool));
            var uncertain = ConditionFacts.Referenced(rule.Condition)
                .Where(f => f.Type != FactType.Judgement)
                .Select(f => f.Slot)
                .ToArray();
            var falseBody = new Lazy<Expression>(() => parser.Parse(ExpressionWriter.DefinitelyFalse(rule.Condition), [parameter], typeof(bool)));
            return new CompiledRule(rule, text, body, uncertain, falseBody);
        }).ToList();
        return new Classifier(catalogue, rules, parameter);
    }

    /// <summary>Finds the rules a decision definitely matches: the hot path, with no explanations.</summary>
    /// <param name="decision">The decision, bound to this catalogue's schema.</param>
    /// <returns>The matched rules, in catalogue order; empty for a decision under the simple procedure.</returns>
    public IReadOnlyList<CatalogueRule> Match(BoundDecision decision)
    {
        RequireSameSchema(decision);
        if (decision.Procedure == Procedure.Simple)
        {
            return [];
        }

        return _byAction[Catalogue.Schema.IndexOf(decision.Action)].MatchRules(decision.Vector);
    }

    /// <summary>Concludes a decision without explanations: the classification and the rules matched,
    /// as cheap as <see cref="Match"/> for most decisions. Used to replay past decisions.</summary>
    /// <param name="decision">The decision, bound to this catalogue's schema.</param>
    /// <returns>The classification and the matched rules, in catalogue order.</returns>
    public (ClassificationKind Kind, IReadOnlyList<CatalogueRule> Rules) Conclude(BoundDecision decision)
    {
        var forms = Forms.Verdict(decision);
        if (forms == FormVerdict.Unlawful)
        {
            return (ClassificationKind.Unlawful, []);
        }

        if (decision.Procedure == Procedure.Simple)
        {
            return (forms == FormVerdict.Lawful ? ClassificationKind.Exempt : ClassificationKind.Undetermined, []);
        }

        var matched = Match(decision);
        if (matched.Count > 0)
        {
            return (ClassificationKind.Major, matched);
        }

        return (forms == FormVerdict.Undecided || _byAction[Catalogue.Schema.IndexOf(decision.Action)].AnyUndecided(decision.Vector) ? ClassificationKind.Undetermined : ClassificationKind.Minor, []);
    }

    /// <summary>Classifies a decision, with explanations, checklist, materials and deadline.</summary>
    /// <param name="decision">The decision, bound to this catalogue's schema.</param>
    /// <param name="options">What to add beyond the conclusion.</param>
    /// <returns>The answer.</returns>
    public ClassificationResult Classify(BoundDecision decision, ClassificationOptions? options = null)
    {
        RequireSameSchema(decision);
        options ??= ClassificationOptions.Default;

        // The forms the law requires come first: a decision that breaks one is refused, and one whose forms cannot be
        // checked for want of facts is never exempt or minor.
        var forms = Forms.Check(decision);
        var cited = forms.Applied.Select(FormCitation.Of).ToList();
        if (forms.Violations.Count > 0)
        {
            var broken = string.Join("；", forms.Violations.Select(v => $"{v.Title}（{v.Law ?? string.Join("、", v.Basis)}）"));
            return Result(decision, ClassificationKind.Unlawful, $"决定不符合法定形式：{broken}。不能这样作出，也不能据此取得作出许可。") with
            {
                Violations = forms.Violations,
                Forms = cited,
            };
        }

        if (decision.Procedure == Procedure.Simple)
        {
            if (forms.Missing.Count > 0)
            {
                return FormsUndecided(decision, forms, cited);
            }

            var articles = cited.SelectMany(c => c.Law is { } law ? [$"{law}（法律另有规定）"] : c.Basis).Distinct().ToList();
            var held = articles.Count == 0 ? string.Empty : $"，符合{string.Join("、", articles)}";
            return Result(decision, ClassificationKind.Exempt, $"适用简易程序作出的决定{held}，不属于重大执法决定法制审核范围。") with { Forms = cited };
        }

        var set = _byAction[Catalogue.Schema.IndexOf(decision.Action)];
        var rules = set.Rules;
        var matched = set.Match(decision.Vector).ToList();
        var nearMisses = options.NearMisses > 0 ? NearMisses(rules.Where(r => !matched.Contains(r)), decision, options.NearMisses) : [];
        if (matched.Count > 0)
        {
            var ids = string.Join("、", matched.Select(r => r.Rule.Id));
            var (deadline, diagnostics) = Deadline(matched, options);
            return Result(decision, ClassificationKind.Major, $"重大执法决定：命中目录条目 {ids}，须经法制审核，未经审核或审核未通过的不得作出决定。") with
            {
                MatchedRules = matched.Select(r => new MatchedRule(
                    r.Rule.Id, r.Rule.Title, r.Rule.Basis, Explain(r.Rule.Condition, decision), r.Rule.Span, r.Rule.RequiresCounselOpinion, r.Rule.RequiresCollectiveDiscussion)).ToList(),
                NearMisses = nearMisses,
                Checklist = Checklist(matched),
                Materials = Catalogue.Defaults.Materials.Concat(matched.SelectMany(r => r.Rule.Materials)).Distinct().ToList(),
                Deadline = deadline,
                Diagnostics = diagnostics,
                DeadlineWorkingDays = DeadlineDays(matched),
                ExtensionWorkingDays = Catalogue.Defaults.ExtensionWorkingDays,
            };
        }

        if (forms.Missing.Count > 0)
        {
            return FormsUndecided(decision, forms, cited) with { NearMisses = nearMisses };
        }

        var missing = MissingFacts(rules, decision);
        if (missing.Count > 0)
        {
            var labels = string.Join("、", missing.Select(m => m.Label));
            return Result(decision, ClassificationKind.Undetermined, $"尚无法判定：缺少 {labels}，补充后才能判断是否属于重大执法决定。") with
            {
                MissingFacts = missing,
                NearMisses = nearMisses,
            };
        }

        var scope = rules.Length == 0
            ? $"本目录没有适用于{decision.Action.ToChinese()}的条目"
            : "未命中本目录任何条目";
        return Result(decision, ClassificationKind.Minor, $"非重大执法决定：{scope}，无需进行重大执法决定法制审核。") with
        {
            NearMisses = nearMisses,
        };
    }

    // A form may apply, or may be broken, and the facts to tell are missing: the decision cannot be called exempt or minor.
    private ClassificationResult FormsUndecided(BoundDecision decision, FormCheck forms, IReadOnlyList<FormCitation> cited)
    {
        var labels = string.Join("、", forms.Missing.Select(m => m.Label));
        var waiting = forms.Missing.SelectMany(m => m.RuleIds).Distinct().Select(id => Catalogue.Forms.First(f => f.Id == id)).ToList();
        var law = string.Join("、", waiting.Select(f => f.Citation).Distinct());
        return Result(decision, ClassificationKind.Undetermined, $"尚无法判定：缺少 {labels}，无法确认决定符合{law}（{string.Join("；", waiting.Select(f => f.Title))}）。补充后才能判断。") with
        {
            MissingFacts = forms.Missing,
            Forms = cited,
        };
    }

    // Slots are only meaningful against the schema the decision was bound to, or another load of the same facts file.
    private void RequireSameSchema(BoundDecision decision)
    {
        if (!ReferenceEquals(decision.Schema, Catalogue.Schema) && decision.Schema.Source.ContentHash != Catalogue.Schema.Source.ContentHash)
        {
            throw new ArgumentException($"Decision {decision.CaseId} was bound to another schema than catalogue {Catalogue.Id}'s; bind it with DecisionBinder against Catalogue.Schema.", nameof(decision));
        }
    }

    private ClassificationResult Result(BoundDecision decision, ClassificationKind kind, string summary) =>
        new(decision.CaseId, kind, summary, Reference, [], [], [], [], [], null, []);

    private List<MissingFact> MissingFacts(CompiledRule[] rules, BoundDecision decision)
    {
        var facts = decision.Vector;
        var missing = new List<(FactDefinition Fact, List<string> Rules)>();
        foreach (var rule in rules)
        {
            // Only a rule that tests an absent fact can be undecided; most decisions skip the interpreter.
            if (!TestsAbsentFact(rule, facts) || ConditionEvaluator.Evaluate(rule.Rule.Condition, facts) != Truth.Unknown)
            {
                continue;
            }

            foreach (var fact in UnknownFacts(rule.Rule.Condition, facts))
            {
                var entry = missing.FirstOrDefault(m => m.Fact == fact);
                if (entry.Fact is null)
                {
                    entry = (fact, []);
                    missing.Add(entry);
                }

                entry.Rules.Add(rule.Rule.Id);
            }
        }

        return missing
            .OrderBy(m => m.Fact.Slot)
            .Select(m => new MissingFact(m.Fact.Key, m.Fact.Label, m.Rules))
            .ToList();
    }

    private static bool TestsAbsentFact(CompiledRule rule, FactVector facts)
    {
        foreach (var slot in rule.UncertainSlots)
        {
            if (!facts.Present[slot])
            {
                return true;
            }
        }

        return false;
    }

    // The absent facts that keep an undecided condition undecided.
    private static IEnumerable<FactDefinition> UnknownFacts(Condition condition, FactVector facts)
    {
        if (ConditionEvaluator.Evaluate(condition, facts) != Truth.Unknown)
        {
            return [];
        }

        return condition switch
        {
            AllCondition all => all.Operands.SelectMany(o => UnknownFacts(o, facts)).Distinct(),
            AnyCondition any => any.Operands.SelectMany(o => UnknownFacts(o, facts)).Distinct(),
            NotCondition not => UnknownFacts(not.Operand, facts),
            _ => ConditionFacts.FactsOf(condition).Where(f => !facts.Present[f.Slot]),
        };
    }

    private List<ChecklistItem> Checklist(List<CompiledRule> matched)
    {
        var items = Catalogue.Defaults.ReviewPoints.ToList();
        foreach (var item in matched.SelectMany(r => r.Rule.Checklist))
        {
            if (!items.Any(i => i.Question == item.Question))
            {
                items.Add(item);
            }
        }

        return items;
    }

    private int DeadlineDays(List<CompiledRule> matched) =>
        matched.Min(r => r.Rule.DeadlineWorkingDays ?? Catalogue.Defaults.DeadlineWorkingDays);

    // The shortest deadline of the matched rules: every rule's own deadline must be kept.
    private (ReviewDeadline? Deadline, IReadOnlyList<Diagnostic> Diagnostics) Deadline(List<CompiledRule> matched, ClassificationOptions options)
    {
        if (options.MaterialsCompleteOn is not { } complete || options.Calendar is not { } calendar)
        {
            return (null, []);
        }

        Diagnostic NotLoaded(int year) => EngineDiagnostics.CalendarYearNotLoaded(
            options.DateOrigin ?? SourceSpan.FileOnly("（材料齐备日期）"), year, calendar.LoadedYears is { Count: > 0 } loaded ? string.Join("、", loaded) : "无");

        var days = DeadlineDays(matched);
        var count = calendar.AddWorkingDays(complete, days);
        if (count.MissingYear is { } year)
        {
            return (null, [NotLoaded(year)]);
        }

        var deadline = new ReviewDeadline(days, complete, count.FirstDay!.Value, count.LastDay!.Value, Catalogue.Defaults.ExtensionWorkingDays, count.ProvisionalReason);
        return (deadline, count.ProvisionalYears.Count == 0 ? [] : [NotLoaded(count.ProvisionalYears[0])]);
    }
}
