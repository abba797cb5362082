using System.Linq.Expressions;
using System.Numerics;
using System.Reflection;
using Fashen.Engine.Decisions;
using CatalogueRule = Fashen.Engine.Catalogues.Rule;

namespace Fashen.Engine.Classification;

/// <summary>The rules of one catalogue that cover one action kind, compiled into as few delegates as
/// possible: each evaluates up to 64 rules and returns one bit per rule that definitely holds.</summary>
/// <remarks>One call for the whole rule set instead of one per rule: this is what lets the compiled
/// catalogue keep pace with hand-written C# (see bench/).</remarks>
internal sealed class ActionRuleSet
{
    private const int ChunkSize = 64;
    private readonly Func<FactVector, ulong>[] _chunks;
    private readonly Lazy<Func<FactVector, ulong>[]> _decided;
    private readonly CatalogueRule[] _catalogueRules;

    public ActionRuleSet(CompiledRule[] rules, ParameterExpression parameter)
    {
        Rules = rules;
        _catalogueRules = [.. rules.Select(r => r.Rule)];
        _chunks = rules.Chunk(ChunkSize).Select(chunk => CompileChunk(chunk, parameter)).ToArray();

        // Compiled when first asked for (replaying past decisions), not for every catalogue loaded.
        _decided = new(() => rules.Chunk(ChunkSize)
            .Select(chunk => CompileChunk(chunk.Select(r => (Expression)Expression.OrElse(r.Body, r.FalseBody.Value)).ToArray(), parameter))
            .ToArray());
    }

    public CompiledRule[] Rules { get; }

    /// <summary>Finds the rules that definitely hold, in catalogue order.</summary>
    public CompiledRule[] Match(FactVector facts) => Match(facts, Rules);

    /// <summary>Finds the catalogue's rules that definitely hold, in catalogue order: what <see cref="Classifier.Match"/>
    /// returns, selected straight from the bits.</summary>
    public CatalogueRule[] MatchRules(FactVector facts) => Match(facts, _catalogueRules);

    private T[] Match<T>(FactVector facts, T[] rules)
    {
        if (_chunks.Length == 0)
        {
            return [];
        }

        if (_chunks.Length == 1)
        {
            // The usual case: at most 64 rules, one call, one allocation only when something matched.
            var mask = _chunks[0](facts);
            return mask == 0 ? [] : Select(rules, mask, 0, new T[BitOperations.PopCount(mask)], 0);
        }

        var masks = new ulong[_chunks.Length];
        var count = 0;
        for (var i = 0; i < _chunks.Length; i++)
        {
            masks[i] = _chunks[i](facts);
            count += BitOperations.PopCount(masks[i]);
        }

        var matched = new T[count];
        var filled = 0;
        for (var i = 0; i < masks.Length; i++)
        {
            Select(rules, masks[i], i * ChunkSize, matched, filled);
            filled += BitOperations.PopCount(masks[i]);
        }

        return matched;
    }

    private static T[] Select<T>(T[] rules, ulong mask, int offset, T[] into, int at)
    {
        while (mask != 0)
        {
            into[at++] = rules[offset + BitOperations.TrailingZeroCount(mask)];
            mask &= mask - 1;
        }

        return into;
    }

    /// <summary>Tells whether some rule is undecided: neither definitely true nor definitely false, for want of
    /// facts. The same answer as asking <see cref="ConditionEvaluator"/> of every rule, compiled.</summary>
    public bool AnyUndecided(FactVector facts)
    {
        var decided = _decided.Value;
        for (var i = 0; i < decided.Length; i++)
        {
            var count = Math.Min(ChunkSize, Rules.Length - (i * ChunkSize));
            var all = count == 64 ? ulong.MaxValue : (1UL << count) - 1;
            if (decided[i](facts) != all)
            {
                return true;
            }
        }

        return false;
    }

    private static Func<FactVector, ulong> CompileChunk(CompiledRule[] chunk, ParameterExpression parameter) =>
        CompileChunk(chunk.Select(r => r.Body).ToArray(), parameter);

    // var present = facts.Present; var amount = facts.Amount; …
    // ulong bits = 0; if (rule0) bits |= 1; if (rule1) bits |= 2; …; return bits;
    private static Func<FactVector, ulong> CompileChunk(Expression[] tests, ParameterExpression parameter)
    {
        var arrays = new HoistedArrays(parameter);
        var bits = Expression.Variable(typeof(ulong), "bits");
        var ifs = tests.Select((test, i) => (Expression)Expression.IfThen(arrays.Visit(test), Expression.OrAssign(bits, Expression.Constant(1UL << i)))).ToList();
        var body = new List<Expression>(arrays.Assignments) { Expression.Assign(bits, Expression.Constant(0UL)) };
        body.AddRange(ifs);
        body.Add(bits);
        return Expression.Lambda<Func<FactVector, ulong>>(Expression.Block([bits, .. arrays.Locals], body), parameter).Compile();
    }

    /// <summary>Reads each of the fact vector's arrays once, into a local, instead of once per clause: the JIT may
    /// not keep a field across the calls that compare decimals, so thirty rules would load it thirty times.</summary>
    private sealed class HoistedArrays(ParameterExpression parameter) : ExpressionVisitor
    {
        private readonly Dictionary<MemberInfo, ParameterExpression> _locals = [];

        public IEnumerable<ParameterExpression> Locals => _locals.Values;

        public IEnumerable<Expression> Assignments => _locals.Select(l => Expression.Assign(l.Value, Expression.Field(parameter, (FieldInfo)l.Key)));

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression != parameter || node.Member is not FieldInfo field)
            {
                return base.VisitMember(node);
            }

            if (!_locals.TryGetValue(field, out var local))
            {
                local = Expression.Variable(field.FieldType, field.Name);
                _locals.Add(field, local);
            }

            return local;
        }
    }
}
