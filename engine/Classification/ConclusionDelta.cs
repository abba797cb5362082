using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Decisions;
using Fashen.Engine.Facts;

namespace Fashen.Engine.Classification;

/// <summary>What can tell two classifiers' conclusions apart, when they read the same facts file and cover an
/// action kind with the same rules in the same order: only the rules whose conditions differ. When each of those
/// rules says the same of a decision in both (definitely holds, definitely does not, or undecided), so does every
/// other rule, and both classifiers conclude the same: same classification, same rules matched.</summary>
/// <remarks>Replay (<see cref="Changes.ImpactAnalysis"/>) asks this first and concludes in full only the decisions
/// it cannot vouch for, so a changed threshold costs one rule per decision instead of every rule twice. The
/// comparison is one compiled delegate per pair of classifiers, built the first time the pair is met.</remarks>
internal sealed class ConclusionDelta
{
    // Built once per pair of classifiers, as the classifiers themselves are compiled once; kept only while both live.
    private static readonly ConditionalWeakTable<Classifier, ConditionalWeakTable<Classifier, ConclusionDelta>> Built = [];

    private static readonly ConclusionDelta Incomparable = new(null, null);
    private static readonly ConclusionDelta Identical = new((_, _, _) => true, null);

    // (facts as the first classifier reads them, the same facts as the second does, action kind) → same conclusion.
    private readonly Func<FactVector, FactVector, int, bool>? _same;

    private readonly FactSchema? _schema;

    private ConclusionDelta(Func<FactVector, FactVector, int, bool>? same, FactSchema? schema)
    {
        _same = same;
        _schema = schema;
    }

    /// <summary>Gets a value indicating whether the two classifiers read the same facts file, so that the delta
    /// can vouch for some decisions; when false, every decision must be concluded by each.</summary>
    public bool Comparable => _same is not null;

    /// <summary>Gets the delta between two classifiers, built the first time the pair is met.</summary>
    public static ConclusionDelta Of(Classifier before, Classifier after) =>
        Built.GetValue(before, _ => []).GetValue(after, _ => Between(before, after));

    /// <summary>Compares two classifiers.</summary>
    /// <returns>The delta.</returns>
    public static ConclusionDelta Between(Classifier before, Classifier after)
    {
        if (before.Catalogue.Schema.Source.ContentHash != after.Catalogue.Schema.Source.ContentHash)
        {
            return Incomparable;
        }

        var action = Expression.Parameter(typeof(int), "action");
        var cases = new List<SwitchCase>();
        var kinds = before.Catalogue.Schema.Actions;
        foreach (var kind in kinds)
        {
            var old = before.RulesFor(kind).Rules;
            var now = after.RulesFor(kind).Rules;

            // Rules added, removed or reordered: no case, so every decision of this kind is concluded in full.
            if (old.Length == now.Length && old.Select(r => r.Rule.Id).SequenceEqual(now.Select(r => r.Rule.Id)))
            {
                var same = Enumerable.Range(0, old.Length)
                    .Where(i => !SameTest(old[i], now[i]))
                    .Aggregate((Expression)Expression.Constant(true), (all, i) => Expression.AndAlso(all, SaySame(old[i], now[i])));
                cases.Add(Expression.SwitchCase(same, Expression.Constant(before.Catalogue.Schema.IndexOf(kind))));
            }
        }

        if (cases.Count == kinds.Count && cases.All(c => c.Body is ConstantExpression { Value: true }))
        {
            return Identical; // the same rules throughout: nothing to compile
        }

        var body = cases.Count == 0 ? (Expression)Expression.Constant(false) : Expression.Switch(action, Expression.Constant(false), [.. cases]);
        return new ConclusionDelta(
            Expression.Lambda<Func<FactVector, FactVector, int, bool>>(body, before.Parameter, after.Parameter, action).Compile(), before.Catalogue.Schema);
    }

    /// <summary>Tells whether both classifiers certainly conclude the same of a decision.</summary>
    /// <param name="decision">The decision, bound to the facts file both read.</param>
    /// <returns>True when certainly the same; false when the decision must be concluded by each.</returns>
    public bool SameConclusion(BoundDecision decision) => SameConclusion(decision.Procedure, decision.Action, decision.Vector);

    /// <summary>Tells whether both classifiers certainly conclude the same of a decision, given what the rules read of it.</summary>
    public bool SameConclusion(Procedure procedure, ActionKind action, FactVector facts) =>
        procedure == Procedure.Simple || (_same is { } same && same(facts, facts, _schema?.IndexOf(action) ?? 0));

    // Both ways written: equal texts over the same slots are the same three-valued test.
    private static bool SameTest(CompiledRule before, CompiledRule after) =>
        before.Expression == after.Expression
        && ExpressionWriter.DefinitelyFalse(before.Rule.Condition) == ExpressionWriter.DefinitelyFalse(after.Rule.Condition);

    // A rule is three-valued: definitely true, definitely false, or neither. Equal on both tests, equal in all.
    private static BinaryExpression SaySame(CompiledRule before, CompiledRule after) =>
        Expression.AndAlso(Expression.Equal(before.Body, after.Body), Expression.Equal(before.FalseBody.Value, after.FalseBody.Value));
}
