using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;

namespace Fashen.Engine.Testing;

/// <summary>The outcome of one embedded test case.</summary>
/// <param name="Case">The test case.</param>
/// <param name="Actual">What the classifier concluded.</param>
/// <param name="Failures">Each way the conclusion differs from the expectation, in Chinese; empty when it passed.</param>
public sealed record TestCaseResult(CatalogueTestCase Case, ClassificationResult Actual, IReadOnlyList<string> Failures)
{
    /// <summary>Gets a value indicating whether the case passed.</summary>
    public bool Passed => Failures.Count == 0;
}
