using BenchmarkDotNet.Attributes;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using RulesEngine.Models;

namespace Fashen.Bench;

/// <summary>Classifies the sample decisions in one run with hand-written C# (the limit), Fashen, and the
/// engines a .NET user might pick instead (<see cref="OtherEngines"/>): DynamicExpresso, RulesEngine's
/// parser and its documented <c>ExecuteAllRulesAsync</c>, NRules, NCalc and CEL, all over the same rules.</summary>
/// <remarks>Each benchmark classifies every decision of the corpus once; times are per decision
/// (OperationsPerInvoke), so they read directly as the cost of one classification. Setup checks that every
/// engine matches exactly as many rules as Fashen on every decision, so the comparison is between equals.</remarks>
[MemoryDiagnoser]
public class ClassificationBenchmarks
{
    private const int Decisions = 164;

    private (BoundDecision Decision, Classifier Classifier, (string Id, Func<FactVector, bool> Rule)[] HandWritten, RulesEngine.RulesEngine Engine)[] _cases = [];
    private Engines[] _engines = [];
    private ClassificationOptions _noNearMisses = ClassificationOptions.Default;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = BenchmarkCorpus.Load(BenchmarkCorpus.FindRoot(AppContext.BaseDirectory));
        if (corpus.Cases.Count != Decisions)
        {
            throw new InvalidOperationException($"The corpus has {corpus.Cases.Count} decisions; set Decisions to that number.");
        }

        // RulesEngine as its documentation shows it: one engine over the workflows, default settings.
        // Each (department, action kind) gets its own workflow, so it evaluates the same rules as the others.
        var engines = corpus.Cases.Select(c => c.Classifier).Distinct()
            .ToDictionary(c => c.Catalogue.Id, c => new RulesEngine.RulesEngine(WorkflowsByAction(c).ToArray()));
        _cases = corpus.Cases
            .Select(c => (c.Decision, c.Classifier, HandWrittenRules.For(c.Decision.Department, c.Decision.Action), engines[c.Decision.Department]))
            .ToArray();
        _noNearMisses = new ClassificationOptions(NearMisses: 0);

        // The other engines, built once per (department, action kind) from the expressions Fashen compiles.
        var built = new Dictionary<string, Engines>();
        _engines = corpus.Cases.Select(c =>
        {
            var key = WorkflowName(c.Classifier, c.Decision.Action);
            if (!built.TryGetValue(key, out var engines))
            {
                var expressions = c.Classifier.Workflow.Rules
                    .Where(r => c.Classifier.Catalogue.Rules.Single(x => x.Id == r.RuleName).Actions.Contains(c.Decision.Action))
                    .Select(r => r.Expression)
                    .ToList();
                engines = new Engines(
                    OtherEngines.DynamicExpresso(expressions), OtherEngines.RuleExpressionParser(expressions), OtherEngines.NRules(expressions),
                    OtherEngines.NCalc(expressions), OtherEngines.Cel(expressions));
                built[key] = engines;
            }

            return engines;
        }).ToArray();

        var expected = FashenMatch();
        foreach (var (name, count) in new[]
        {
            ("DynamicExpresso", DynamicExpresso()), ("RuleExpressionParser", RuleExpressionParserDelegates()), ("NRules", NRules()),
            ("NCalc", NCalc()), ("CEL", Cel()), ("hand-written", HandWritten()), ("ExecuteAllRulesAsync", RulesEngineExecuteAllRules().GetAwaiter().GetResult()),
        })
        {
            if (count != expected)
            {
                throw new InvalidOperationException($"{name} matched {count} rules where Fashen matched {expected}.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Decisions, Description = "hand-written C#")]
    public int HandWritten()
    {
        var matched = 0;
        foreach (var (decision, _, rules, _) in _cases)
        {
            var facts = decision.Vector;
            foreach (var (_, rule) in rules)
            {
                if (rule(facts))
                {
                    matched++;
                }
            }
        }

        return matched;
    }

    [Benchmark(OperationsPerInvoke = Decisions, Description = "Fashen Match (compiled once)")]
    public int FashenMatch()
    {
        var matched = 0;
        foreach (var (decision, classifier, _, _) in _cases)
        {
            matched += classifier.Match(decision).Count;
        }

        return matched;
    }

    [Benchmark(OperationsPerInvoke = Decisions, Description = "Fashen Classify (with explanations)")]
    public int FashenClassify()
    {
        var matched = 0;
        foreach (var (decision, classifier, _, _) in _cases)
        {
            matched += classifier.Classify(decision, _noNearMisses).MatchedRules.Count;
        }

        return matched;
    }

    [Benchmark(OperationsPerInvoke = Decisions, Description = "RulesEngine ExecuteAllRulesAsync")]
    public async Task<int> RulesEngineExecuteAllRules()
    {
        var matched = 0;
        foreach (var (decision, classifier, _, engine) in _cases)
        {
            var results = await engine.ExecuteAllRulesAsync(WorkflowName(classifier, decision.Action), new RuleParameter(Classifier.WorkflowInputName, decision.Vector));
            foreach (var result in results)
            {
                if (result.IsSuccess)
                {
                    matched++;
                }
            }
        }

        return matched;
    }

    [Benchmark(OperationsPerInvoke = Decisions, Description = "DynamicExpresso delegates")]
    public int DynamicExpresso() => CountDelegates(e => e.DynamicExpresso);

    [Benchmark(OperationsPerInvoke = Decisions, Description = "RuleExpressionParser delegates")]
    public int RuleExpressionParserDelegates() => CountDelegates(e => e.RuleExpressionParser);

    [Benchmark(OperationsPerInvoke = Decisions, Description = "NRules (reused session)")]
    public int NRules() => Count((engines, facts) => engines.NRules.Match(facts));

    [Benchmark(OperationsPerInvoke = Decisions, Description = "NCalc")]
    public int NCalc() => Count((engines, facts) => engines.NCalc.Match(facts));

    [Benchmark(OperationsPerInvoke = Decisions, Description = "CEL (Cel 0.3.3)")]
    public int Cel() => Count((engines, facts) => engines.Cel.Match(facts));

    private int Count(Func<Engines, FactVector, int> match)
    {
        var matched = 0;
        for (var i = 0; i < _cases.Length; i++)
        {
            matched += match(_engines[i], _cases[i].Decision.Vector);
        }

        return matched;
    }

    private int CountDelegates(Func<Engines, Func<FactVector, bool>[]> select)
    {
        var matched = 0;
        for (var i = 0; i < _cases.Length; i++)
        {
            var facts = _cases[i].Decision.Vector;
            foreach (var rule in select(_engines[i]))
            {
                if (rule(facts))
                {
                    matched++;
                }
            }
        }

        return matched;
    }

    private static string WorkflowName(Classifier classifier, ActionKind action) => $"{classifier.Catalogue.Id}/{action.ToWire()}";

    // RulesEngine refuses an empty workflow, so action kinds a catalogue does not cover get none.
    private static IEnumerable<Workflow> WorkflowsByAction(Classifier classifier) =>
        classifier.Catalogue.Schema.Actions
            .Select(action => new Workflow
            {
                WorkflowName = WorkflowName(classifier, action),
                Rules = classifier.Workflow.Rules
                    .Where(r => classifier.Catalogue.Rules.Single(x => x.Id == r.RuleName).Actions.Contains(action))
                    .ToList(),
            })
            .Where(w => w.Rules.Any());

    private sealed record Engines(
        Func<FactVector, bool>[] DynamicExpresso,
        Func<FactVector, bool>[] RuleExpressionParser,
        OtherEngines.NRulesSession NRules,
        OtherEngines.NCalcRules NCalc,
        OtherEngines.CelRules Cel);
}
