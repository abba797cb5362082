using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Fashen.Bench;

/// <summary>The same rules in the engines a .NET user might pick instead of Fashen, each used as its
/// documentation shows, compiled or parsed once. Every engine reads the same conditions Fashen compiles
/// (RulesEngine expressions over a <see cref="FactVector"/>), translated where its language differs.</summary>
public static partial class OtherEngines
{
    /// <summary>One delegate per rule from DynamicExpresso's interpreter.</summary>
    public static Func<FactVector, bool>[] DynamicExpresso(IEnumerable<string> expressions)
    {
        var interpreter = new DynamicExpresso.Interpreter();
        return expressions.Select(e => interpreter.ParseAsDelegate<Func<FactVector, bool>>(e, Classifier.WorkflowInputName)).ToArray();
    }

    /// <summary>One delegate per rule from RulesEngine's <see cref="RuleExpressionParser"/>, compiled separately
    /// (Fashen compiles all the rules of an action kind into one delegate).</summary>
    public static Func<FactVector, bool>[] RuleExpressionParser(IEnumerable<string> expressions)
    {
        var parser = new RuleExpressionParser(new ReSettings());
        var parameter = Expression.Parameter(typeof(FactVector), Classifier.WorkflowInputName);
        return expressions.Select(e => Expression.Lambda<Func<FactVector, bool>>(parser.Parse(e, [parameter], typeof(bool)), parameter).Compile()).ToArray();
    }

    /// <summary>An NRules session over the rules (a Rete network), to insert a decision's facts into, fire,
    /// and retract again; each firing rule counts one match.</summary>
    public static NRulesSession NRules(IEnumerable<string> expressions)
    {
        var parser = new RuleExpressionParser(new ReSettings());
        var counter = new MatchCounter();
        var rules = new List<IRuleDefinition>();
        foreach (var (expression, index) in expressions.Select((e, i) => (e, i)))
        {
            var builder = new RuleBuilder();
            builder.Name($"rule {index}");
            var facts = Expression.Parameter(typeof(FactVector), Classifier.WorkflowInputName);
            var pattern = builder.LeftHandSide().Pattern(typeof(FactVector), facts.Name);
            pattern.Condition(Expression.Lambda(parser.Parse(expression, [facts], typeof(bool)), facts));
            var context = Expression.Parameter(typeof(NRules.RuleModel.IContext), "context");
            builder.RightHandSide().Action(Expression.Lambda<Action<NRules.RuleModel.IContext, FactVector>>(
                Expression.Call(Expression.Constant(counter), typeof(MatchCounter).GetMethod(nameof(MatchCounter.Add))!), context, facts));
            rules.Add(builder.Build());
        }

        var factory = new NRules.RuleCompiler().Compile(rules);
        return new NRulesSession(factory.CreateSession(), counter);
    }

    /// <summary>NCalc expressions, parsed once, evaluated with the decision's facts as parameters.</summary>
    public static NCalcRules NCalc(IEnumerable<string> expressions)
    {
        var list = expressions.ToList();
        var slots = list.SelectMany(e => Slot().Matches(e).Select(m => (Kind: m.Groups[1].Value, Slot: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))).Distinct().ToArray();
        var compiled = list.Select(e => new NCalc.Expression(ToNCalc(e))).ToArray();
        return new NCalcRules(compiled, slots);
    }

    /// <summary>CEL programs (the Cel 0.3.3 port), compiled once, run with the decision's facts as variables.</summary>
    public static CelRules Cel(IEnumerable<string> expressions)
    {
        var list = expressions.ToList();
        var slots = list.SelectMany(e => Slot().Matches(e).Select(m => (Kind: m.Groups[1].Value, Slot: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))).Distinct().ToArray();
        var environment = new global::Cel.CelEnvironment([], string.Empty);
        return new CelRules(list.Select(e => environment.Compile(ToCel(e))).ToArray(), slots);
    }

    // facts.Amount[3] → Amount3; 50000m → 50000; 12UL → 12: NCalc has bitwise &, no arrays or suffixes.
    private static string ToNCalc(string expression) =>
        Suffix().Replace(Slot().Replace(expression, m => $"[{m.Groups[1].Value}{m.Groups[2].Value}]"), "$1");

    // CEL has no bitwise operators: a set test becomes one test per bit (the set as an int, divided down).
    private static string ToCel(string expression)
    {
        var sets = SetTest().Replace(expression, m =>
        {
            var mask = ulong.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var bits = Enumerable.Range(0, 64).Where(b => (mask & (1UL << b)) != 0)
                .Select(b => $"(Set{m.Groups[1].Value} / {1L << b}) % 2 == 1");
            var any = "(" + string.Join(" || ", bits) + ")";
            return m.Groups[3].Value == "!=" ? any : "!" + any;
        });
        var names = Slot().Replace(sets, m => $"{m.Groups[1].Value}{m.Groups[2].Value}");
        return Decimal().Replace(names, m => m.Groups[1].Value.Contains('.', StringComparison.Ordinal) ? m.Groups[1].Value : m.Groups[1].Value + ".0");
    }

    [GeneratedRegex(@"facts\.(Present|Amount|Code|Set|Flag)\[(\d+)\]")]
    private static partial Regex Slot();

    [GeneratedRegex(@"\b(\d+(?:\.\d+)?)(?:m|UL)\b")]
    private static partial Regex Suffix();

    [GeneratedRegex(@"\(\(facts\.Set\[(\d+)\] & (\d+)UL\) (!=|==) 0UL\)")]
    private static partial Regex SetTest();

    [GeneratedRegex(@"\b(\d+(?:\.\d+)?)m\b")]
    private static partial Regex Decimal();

    /// <summary>Counts NRules firings.</summary>
    public sealed class MatchCounter
    {
        public int Count { get; set; }

        public void Add() => Count++;
    }

    /// <summary>A reused NRules session.</summary>
    public sealed class NRulesSession(NRules.ISession session, MatchCounter counter)
    {
        public int Match(FactVector facts)
        {
            counter.Count = 0;
            session.Insert(facts);
            session.Fire();
            session.Retract(facts);
            return counter.Count;
        }
    }

    /// <summary>NCalc expressions with the facts they read.</summary>
    public sealed class NCalcRules(NCalc.Expression[] rules, (string Kind, int Slot)[] slots)
    {
        public int Match(FactVector facts)
        {
            var matched = 0;
            foreach (var rule in rules)
            {
                foreach (var (kind, slot) in slots)
                {
                    rule.Parameters[kind + slot.ToString(CultureInfo.InvariantCulture)] = Value(facts, kind, slot);
                }

                if (rule.Evaluate() is true)
                {
                    matched++;
                }
            }

            return matched;
        }
    }

    /// <summary>CEL programs with the facts they read.</summary>
    public sealed class CelRules(global::Cel.CelProgramDelegate[] rules, (string Kind, int Slot)[] slots)
    {
        public int Match(FactVector facts)
        {
            var variables = new Dictionary<string, object?>();
            foreach (var (kind, slot) in slots)
            {
                variables[kind + slot.ToString(CultureInfo.InvariantCulture)] = kind switch
                {
                    "Amount" => (double)facts.Amount[slot],
                    "Set" => (long)facts.Set[slot],
                    "Code" => (long)facts.Code[slot],
                    _ => Value(facts, kind, slot),
                };
            }

            return rules.Count(rule => rule(variables) is true);
        }
    }

    private static object Value(FactVector facts, string kind, int slot) => kind switch
    {
        "Present" => facts.Present[slot],
        "Amount" => facts.Amount[slot],
        "Code" => facts.Code[slot],
        "Set" => facts.Set[slot],
        _ => facts.Flag[slot],
    };
}
