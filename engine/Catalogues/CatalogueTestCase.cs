using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Catalogues;

/// <summary>A test case embedded in a catalogue: a decision and what the catalogue must conclude.</summary>
/// <param name="Name">The case's name, in the author's words.</param>
/// <param name="Decision">The decision, bound to the catalogue's schema.</param>
/// <param name="Expected">What the classification must be.</param>
/// <param name="Span">Where the case is.</param>
public sealed record CatalogueTestCase(string Name, BoundDecision Decision, TestExpectation Expected, SourceSpan Span);

/// <summary>What a test case expects.</summary>
/// <param name="Classification">The expected conclusion.</param>
/// <param name="RuleIds">The exact set of rule ids expected to match, or null to not check them.</param>
/// <param name="MissingFacts">The exact set of missing fact keys expected, or null to not check them.</param>
/// <param name="FormIds">The exact set of statutory forms expected to be broken, or null to not check them.</param>
public sealed record TestExpectation(
    ClassificationKind Classification,
    IReadOnlyList<string>? RuleIds,
    IReadOnlyList<string>? MissingFacts,
    IReadOnlyList<string>? FormIds = null);
