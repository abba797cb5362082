using Fashen.Engine.Decisions;
using Fashen.Engine.Reviews;

namespace Fashen.ReviewUi.Display;

/// <summary>The facts of a submitted decision as label and value, in the order of the fact schema.</summary>
public static class FactRows
{
    /// <summary>Lists the facts of the review's current decision.</summary>
    /// <param name="review">The review.</param>
    /// <param name="catalogues">The catalogues in force, for the facts' names and types.</param>
    /// <returns>Label and value of each fact given.</returns>
    public static IReadOnlyList<(string Label, string Value)> Of(Review review, CatalogueSet catalogues)
    {
        var facts = review.CurrentFacts();
        // The version that classified the review names its facts; else the latest loaded.
        var versions = catalogues.VersionsOf(review.Department);
        var classifier = versions.FirstOrDefault(c => c.Catalogue.Version == review.Submission.Catalogue.Version) ?? versions.LastOrDefault();
        if (classifier is null)
        {
            return facts.Select(f => (f.Key, f.Value)).ToList();
        }

        var schema = classifier.Catalogue.Schema;
        var rows = schema.Facts.Where(f => facts.ContainsKey(f.Key))
            .Select(f => (f.Label, DecisionChange.Display(f, facts[f.Key]) ?? string.Empty))
            .ToList();

        // A fact the catalogue no longer knows is still shown, as recorded.
        rows.AddRange(facts.Where(f => !schema.TryGetFact(f.Key, out _)).Select(f => (f.Key, f.Value)));
        return rows;
    }
}
