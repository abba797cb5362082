using System.Linq.Expressions;
using System.Numerics;
using Fashen.Engine.Decisions;

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

    public ActionRuleSet(CompiledRule[] rules, ParameterExpression parameter)
    {
        Rules = rules;
        _chunks = rules.Chunk(ChunkSize).Select(chunk => CompileChunk(chunk, parameter)).ToArray();

        // Compiled when first asked for (replaying past decisions), not for every catalogue loaded.
        _decided = new(() => rules.Chunk(ChunkSize)
            .Select(chunk => CompileChunk(chunk.Select(r => (Expression)Expression.OrElse(r.Body, r.FalseBody.Value)).ToArray(), parameter))
            .ToArray());
    }

    public CompiledRule[] Rules { get; }

    /// <summary>Finds the rules that definitely hold, in catalogue order.</summary>
    public CompiledRule[] Match(FactVector facts)
    {
        if (_chunks.Length == 0)
        {
            return [];
        }

        if (_chunks.Length == 1)
        {
            // The usual case: at most 64 rules, one call, one allocation only when something matched.
            var mask = _chunks[0](facts);
            return mask == 0 ? [] : Select(mask, 0, new CompiledRule[BitOperations.PopCount(mask)], 0);
        }

        var masks = new ulong[_chunks.Length];
        var count = 0;
        for (var i = 0; i < _chunks.Length; i++)
        {
            masks[i] = _chunks[i](facts);
            count += BitOperations.PopCount(masks[i]);
        }

        var matched = new CompiledRule[count];
        var filled = 0;
        for (var i = 0; i < masks.Length; i++)
        {
            Select(masks[i], i * ChunkSize, matched, filled);
            filled += BitOperations.PopCount(masks[i]);
        }

        return matched;
    }

    private CompiledRule[] Select(ulong mask, int offset, CompiledRule[] into, int at)
    {
        while (mask != 0)
        {
            into[at++] = Rules[offset + BitOperations.TrailingZeroCount(mask)];
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

    // ulong bits = 0; if (rule0) bits |= 1; if (rule1) bits |= 2; …; return bits;
    private static Func<FactVector, ulong> CompileChunk(Expression[] tests, ParameterExpression parameter)
    {
        var bits = Expression.Variable(typeof(ulong), "bits");
        var body = new List<Expression> { Expression.Assign(bits, Expression.Constant(0UL)) };
        for (var i = 0; i < tests.Length; i++)
        {
            body.Add(Expression.IfThen(tests[i], Expression.OrAssign(bits, Expression.Constant(1UL << i))));
        }

        body.Add(bits);
        return Expression.Lambda<Func<FactVector, ulong>>(Expression.Block([bits], body), parameter).Compile();
    }
}
