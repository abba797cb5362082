using Fashen.Engine.Decisions;
using CatalogueRule = Fashen.Engine.Catalogues.Rule;

namespace Fashen.Engine.Classification;

/// <summary>A rule with its condition compiled once into a delegate by RulesEngine's expression parser.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Expression">The RulesEngine expression the delegate was compiled from.</param>
/// <param name="IsDefinitelyTrue">True exactly when the rule's condition is definitely true.</param>
/// <param name="UncertainSlots">The slots of the facts whose absence can leave the rule undecided.</param>
internal sealed record CompiledRule(
    CatalogueRule Rule,
    string Expression,
    Func<FactVector, bool> IsDefinitelyTrue,
    int[] UncertainSlots);
