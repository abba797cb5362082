using CatalogueRule = Fashen.Engine.Catalogues.Rule;

namespace Fashen.Engine.Classification;

/// <summary>A rule with its condition written as a RulesEngine expression.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Expression">The RulesEngine expression, true exactly when the condition is definitely true.</param>
/// <param name="Body">The expression as parsed by RulesEngine's <c>RuleExpressionParser</c>.</param>
/// <param name="UncertainSlots">The slots of the facts whose absence can leave the rule undecided.</param>
/// <param name="FalseBody">The expression true exactly when the condition is definitely false, parsed when first
/// asked for (replaying past decisions needs it; classifying does not).</param>
internal sealed record CompiledRule(
    CatalogueRule Rule,
    string Expression,
    System.Linq.Expressions.Expression Body,
    int[] UncertainSlots,
    Lazy<System.Linq.Expressions.Expression> FalseBody);
