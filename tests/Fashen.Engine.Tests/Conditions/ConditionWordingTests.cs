using System.Text;
using Fashen.Engine.Conditions;

namespace Fashen.Engine.Tests.Conditions;

public class ConditionWordingTests
{
    [Fact]
    public void SampleCatalogues_ReadAsSentences_MatchBaseline()
    {
        var text = new StringBuilder();
        foreach (var id in new[] { "scjg", "sthj", "yjgl", "zhzf", "jtys", "nync" })
        {
            var catalogue = Samples.Catalogue(id);
            text.Append("# ").Append(catalogue.Name).Append(' ').AppendLine(catalogue.Version);
            foreach (var rule in catalogue.Rules)
            {
                text.Append(rule.Id).Append("  ").AppendLine(rule.ConditionText.ReplaceLineEndings(" "));
                text.Append("    ").AppendLine(ConditionWording.Describe(rule.Condition));
            }

            text.AppendLine();
        }

        // Every rule of the published catalogues, as the catalogue browser shows it: reviewed by reading.
        Baseline.Match(text.ToString(), Repository.Samples("catalogues.wording.txt"));
    }

    [Fact]
    public void Wording_HasNoCodeLeftInIt()
    {
        foreach (var id in new[] { "scjg", "sthj", "yjgl", "zhzf", "jtys", "nync" })
        {
            foreach (var rule in Samples.Catalogue(id).Rules)
            {
                var words = ConditionWording.Describe(rule.Condition);
                Assert.DoesNotMatch(@">=|<=|!=|==|\bin\b|\bany of\b|\band\b|\bor\b|\bnot\b|[a-z_]{3,}", words);
            }
        }
    }
}
