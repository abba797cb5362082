using BenchmarkDotNet.Attributes;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using RulesEngine.Models;

namespace Fashen.Bench;

/// <summary>Classifies the sample decisions three ways in one run: hand-written C# (the limit),
/// Fashen, and RulesEngine's documented <c>ExecuteAllRulesAsync</c> over the same workflow.</summary>
/// <remarks>Each benchmark classifies every decision of the corpus once; times are per decision
/// (OperationsPerInvoke), so they read directly as the cost of one classification.</remarks>
[MemoryDiagnoser]
public class ClassificationBenchmarks
{
    private const int Decisions = 157;

    private (BoundDecision Decision, Classifier Classifier, (string Id, Func<FactVector, bool> Rule)[] HandWritten, RulesEngine.RulesEngine Engine)[] _cases = [];
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

    private static string WorkflowName(Classifier classifier, ActionKind action) => $"{classifier.Catalogue.Id}/{action.ToWire()}";

    // RulesEngine refuses an empty workflow, so action kinds a catalogue does not cover get none.
    private static IEnumerable<Workflow> WorkflowsByAction(Classifier classifier) =>
        ActionKinds.All
            .Select(action => new Workflow
            {
                WorkflowName = WorkflowName(classifier, action),
                Rules = classifier.Workflow.Rules
                    .Where(r => classifier.Catalogue.Rules.Single(x => x.Id == r.RuleName).Actions.Contains(action))
                    .ToList(),
            })
            .Where(w => w.Rules.Any());
}
