using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Conditions;
using Fashen.Engine.Decisions;
using Fashen.Engine.Facts;
using Fashen.Grammar.Syntax;
using CatalogueRule = Fashen.Engine.Catalogues.Rule;

namespace Fashen.Engine.Testing;

/// <summary>One generated point beside a threshold: the fact's value, and whether the rule should and does match.</summary>
/// <param name="Point">Where it is: 略低于, 恰为, 略高于.</param>
/// <param name="Value">The fact's value.</param>
/// <param name="Expected">Whether the rule should match, by the declared comparison.</param>
/// <param name="Actual">Whether the compiled catalogue matched it.</param>
public sealed record BoundaryPoint(string Point, decimal Value, bool Expected, bool Actual);

/// <summary>The generated cases of one threshold of one rule.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Boundary">The comparison in words: 罚款金额在5万元以上（含本数）.</param>
/// <param name="BaseCase">The test case the points were made from, or null when none could be used.</param>
/// <param name="Points">Just below, at and just above the threshold; empty when no case could be used.</param>
public sealed record BoundaryCheck(string RuleId, string Boundary, string? BaseCase, IReadOnlyList<BoundaryPoint> Points)
{
    /// <summary>Gets a value indicating whether cases could be generated.</summary>
    public bool Generated => BaseCase is not null;

    /// <summary>Gets a value indicating whether every point matched as declared.</summary>
    public bool Passed => Points.All(p => p.Expected == p.Actual);
}

/// <summary>Generates test cases just below, at and just above every threshold a rule compares with, and
/// checks the compiled catalogue against the declared inclusivity (含本数 or 不含本数).</summary>
/// <remarks>Each threshold's points are made from one of the catalogue's own test decisions in which that
/// comparison alone decides whether the rule matches; a threshold with no such decision is reported as
/// not generated, so the legal office can add one.</remarks>
public static class BoundaryCases
{
    /// <summary>Generates and checks the boundary cases of every rule.</summary>
    /// <param name="classifier">The compiled catalogue.</param>
    /// <returns>One check per threshold of each rule, in catalogue order.</returns>
    public static IReadOnlyList<BoundaryCheck> Check(Classifier classifier)
    {
        var checks = new List<BoundaryCheck>();
        var bases = classifier.Catalogue.Tests
            .Where(t => t.Decision.Procedure == Procedure.General)
            .ToList();
        foreach (var rule in classifier.Catalogue.Rules)
        {
            foreach (var bound in Bounds(rule.Condition, negated: false).DistinctBy(b => (b.Fact, b.Operator, b.Negated, b.Wording)))
            {
                checks.Add(Check(classifier, rule, bound, bases.Where(t => rule.Actions.Contains(t.Decision.Action))));
            }
        }

        return checks;
    }

    private static BoundaryCheck Check(Classifier classifier, CatalogueRule rule, Bound bound, IEnumerable<CatalogueTestCase> bases)
    {
        foreach (var test in bases)
        {
            // A sum or a multiple is at its boundary where the varied fact makes it so, given the decision's other facts.
            if (bound.At(test.Decision) is not { } at)
            {
                continue;
            }

            var step = bound.Fact.Type == FactType.Number && decimal.IsInteger(at) ? 1m : 0.01m;
            var points = new[] { ("略低于", at - step), ("恰为", at), ("略高于", at + step) };
            var actual = points
                .Select(p => classifier.Match(test.Decision.With(bound.Fact, new AmountValue(p.Item2))).Any(r => r.Id == rule.Id))
                .ToArray();

            // A decision where the rule matches on both sides does not show this threshold at work.
            if (actual.All(a => a == actual[0]))
            {
                continue;
            }

            var expected = Expected(bound.Operator, bound.Negated);
            return new BoundaryCheck(
                rule.Id,
                bound.Wording,
                test.Name,
                points.Select((p, i) => new BoundaryPoint(p.Item1, p.Item2, expected[i], actual[i])).ToList());
        }

        return new BoundaryCheck(rule.Id, bound.Wording, null, []);
    }

    // Whether a value just below, at and just above the threshold satisfies the comparison.
    private static bool[] Expected(ComparisonOperator op, bool negated)
    {
        bool[] expected = op switch
        {
            ComparisonOperator.GreaterOrEqual => [false, true, true],
            ComparisonOperator.Greater => [false, false, true],
            ComparisonOperator.LessOrEqual => [true, true, false],
            ComparisonOperator.Less => [true, false, false],
            ComparisonOperator.Equal => [false, true, false],
            _ => [true, false, true],
        };
        return negated ? expected.Select(e => !e).ToArray() : expected;
    }

    private static IEnumerable<Bound> Bounds(Condition condition, bool negated) => condition switch
    {
        AllCondition all => all.Operands.SelectMany(o => Bounds(o, negated)),
        AnyCondition any => any.Operands.SelectMany(o => Bounds(o, negated)),
        NotCondition not => Bounds(not.Operand, !negated),
        AmountComparison c => [Bound.Fixed(c.Fact, c.Operator, c.Threshold, negated, ConditionWording.Describe(c))],
        AmountRange r =>
        [
            Bound.Fixed(r.Fact, ComparisonOperator.GreaterOrEqual, r.Low, negated, $"{r.Fact.Label}下限 {ConditionWording.Amount(r.Fact, r.Low)}（含本数）"),
            Bound.Fixed(r.Fact, ComparisonOperator.LessOrEqual, r.High, negated, $"{r.Fact.Label}上限 {ConditionWording.Amount(r.Fact, r.High)}（含本数）"),
        ],
        CombinedComparison c => [new Bound(c.Facts[0], c.Operator, negated, ConditionWording.Describe(c), d => Balance(c, d))],
        _ => [],
    };

    // The value of a sum's first fact (or a multiple's compared fact) that puts it exactly on the boundary: the right side less
    // the other facts summed; null when the decision lacks one of them.
    private static decimal? Balance(CombinedComparison c, BoundDecision decision)
    {
        decimal? Amount(FactDefinition fact) => decision.Get(fact) is AmountValue a ? a.Value : null;
        var others = c.Facts.Skip(1).Select(Amount).ToList();
        var right = c.Of is null ? c.Threshold : c.Threshold * Amount(c.Of);
        return others.Any(o => o is null) || right is null ? null : right - others.Sum();
    }

    private sealed record Bound(FactDefinition Fact, ComparisonOperator Operator, bool Negated, string Wording, Func<BoundDecision, decimal?> At)
    {
        public static Bound Fixed(FactDefinition fact, ComparisonOperator op, decimal value, bool negated, string wording) =>
            new(fact, op, negated, wording, _ => value);
    }
}
