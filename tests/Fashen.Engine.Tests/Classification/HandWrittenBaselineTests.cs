using Fashen.Bench;

namespace Fashen.Engine.Tests.Classification;

/// <summary>The benchmark compares Fashen with hand-written C#; that is fair only if both give the same answers.</summary>
public class HandWrittenBaselineTests
{
    [Fact]
    public void HandWrittenRules_MatchExactlyWhatFashenMatches_OnEveryBenchmarkDecision()
    {
        var corpus = BenchmarkCorpus.Load(Repository.Root);

        Assert.NotEmpty(corpus.Cases);
        foreach (var (classifier, decision) in corpus.Cases)
        {
            var handWritten = HandWrittenRules.For(decision.Department, decision.Action).Where(r => r.Rule(decision.Vector)).Select(r => r.Id);
            Assert.Equal(classifier.Match(decision).Select(r => r.Id), handWritten);
        }
    }

    [Fact]
    public void HandWrittenRules_CoverEveryRuleOfEverySampleCatalogue()
    {
        foreach (var catalogue in BenchmarkCorpus.Load(Repository.Root).Catalogues)
        {
            var written = Engine.Catalogues.ActionKinds.Seed.SelectMany(a => HandWrittenRules.For(catalogue.Id, a)).Select(r => r.Id).Distinct().Order();
            Assert.Equal(catalogue.Rules.Select(r => r.Id).Order(), written);
        }
    }

    [Fact]
    public void HandWrittenRules_MatchExactlyWhatFashenMatches_OnRandomDecisions()
    {
        var random = new Random(58);
        foreach (var catalogue in BenchmarkCorpus.Latest(Samples.Workspace.Catalogues))
        {
            var classifier = Samples.Classifier(catalogue);
            var amounts = catalogue.Rules.SelectMany(r => ClassifierTests.Amounts(r.Condition)).Distinct().ToList();
            for (var i = 0; i < 300; i++)
            {
                var decision = ClassifierTests.RandomDecision(catalogue, amounts, random);
                var handWritten = HandWrittenRules.For(decision.Department, decision.Action).Where(r => r.Rule(decision.Vector)).Select(r => r.Id);
                Assert.Equal(classifier.Match(decision).Select(r => r.Id), handWritten);
            }
        }
    }
}
