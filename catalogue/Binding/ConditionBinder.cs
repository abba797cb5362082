using Fashen.Catalogue.Diagnostics;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Conditions;
using Fashen.Engine.Facts;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Parsing;
using Fashen.Grammar.Syntax;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Binding;

/// <summary>Type-checks a parsed condition against the fact schema and the catalogue's named
/// thresholds: every name must resolve, every value must fit its fact, every operator its type.
/// A mistake is a diagnostic, never a condition that is silently false.</summary>
public sealed class ConditionBinder
{
    private readonly FactSchema _schema;
    private readonly IReadOnlyDictionary<string, NamedThreshold> _thresholds;
    private readonly IReadOnlySet<string> _misdeclared;
    private readonly SourceFragment _source;
    private readonly List<Diagnostic> _diagnostics = [];

    private ConditionBinder(FactSchema schema, IReadOnlyDictionary<string, NamedThreshold> thresholds, IReadOnlySet<string> misdeclared, SourceFragment source)
    {
        _schema = schema;
        _thresholds = thresholds;
        _misdeclared = misdeclared;
        _source = source;
    }

    /// <summary>Type-checks a condition.</summary>
    /// <param name="syntax">The parsed condition.</param>
    /// <param name="source">The condition's text and where it came from.</param>
    /// <param name="schema">The fact schema.</param>
    /// <param name="thresholds">The catalogue's named thresholds, by name.</param>
    /// <param name="misdeclared">Thresholds declared with a value already reported as wrong; using them fails
    /// without a second diagnostic.</param>
    /// <returns>The bound condition, or every diagnostic found.</returns>
    public static Result<Condition> Bind(
        ConditionSyntax syntax,
        SourceFragment source,
        FactSchema schema,
        IReadOnlyDictionary<string, NamedThreshold> thresholds,
        IReadOnlySet<string>? misdeclared = null)
    {
        var binder = new ConditionBinder(schema, thresholds, misdeclared ?? new HashSet<string>(), source);
        var condition = binder.BindCondition(syntax);
        return binder._diagnostics.Count > 0 || condition is null
            ? Result<Condition>.Failure(binder._diagnostics)
            : Result<Condition>.Success(condition);
    }

    private SourceSpan At(TextSpan span) => _source.GetSpan(span);

    private Condition? BindCondition(ConditionSyntax syntax)
    {
        switch (syntax)
        {
            case LogicalSyntax logical:
                var operands = logical.Operands.Select(BindCondition).ToList();
                if (operands.Any(o => o is null))
                {
                    return null;
                }

                return logical.Operator == LogicalOperator.And
                    ? new AllCondition(operands!, At(logical.Span))
                    : new AnyCondition(operands!, At(logical.Span));
            case NotSyntax not:
                return BindCondition(not.Operand) is { } operand ? new NotCondition(operand, At(not.Span)) : null;
            case AlwaysSyntax always:
                return new AlwaysCondition(At(always.Span));
            case FlagSyntax flag:
                return BindFlag(flag);
            case ComparisonSyntax comparison when comparison.Added is { Count: > 0 } || comparison.Value is MultipleSyntax:
                return BindCombined(comparison);
            case ComparisonSyntax comparison:
                return BindComparison(comparison);
            case RangeSyntax range:
                // Each end keeps its own drafting word and note: 20万元以上不满50万元 is ≥ 20万元 且 < 50万元.
                var lower = BindComparison(range.Lower);
                var upper = BindComparison(range.Upper);
                return lower is null || upper is null ? null : new AllCondition([lower, upper], At(range.Span));
            case BetweenSyntax between:
                return BindBetween(between);
            case MembershipSyntax membership:
                return BindMembership(membership);
            case OverlapSyntax overlap:
                return BindOverlap(overlap);
            case SubsetSyntax subset:
                return BindSubset(subset);
            default:
                throw new InvalidOperationException($"Unhandled syntax {syntax.GetType().Name}.");
        }
    }

    private Condition? BindFlag(FlagSyntax flag)
    {
        if (ResolveFact(flag.Subject) is not { } fact)
        {
            return null;
        }

        if (fact.Type is FactType.Boolean or FactType.Judgement)
        {
            return new FlagCondition(fact, At(flag.Span));
        }

        return NotAllowed(flag.Subject.Span, "单独写事实名称", fact);
    }

    private Condition? BindComparison(ComparisonSyntax comparison)
    {
        if (ResolveFact(comparison.Subject) is not { } fact)
        {
            return null;
        }

        var op = OperatorText(comparison);
        var span = At(comparison.Span);
        switch (fact.Type)
        {
            case FactType.Money or FactType.Number:
                if (ResolveAmount(fact, comparison.Value) is not { } resolved)
                {
                    return null;
                }

                CheckBoundaryNote(fact, comparison.Boundary, resolved.Value);
                return new AmountComparison(fact, comparison.Operator, resolved.Value, resolved.Name, span);

            case FactType.Enum or FactType.Ordinal when comparison.Operator is ComparisonOperator.Equal or ComparisonOperator.NotEqual:
                return ResolveSingleValue(fact, comparison.Value, comparison) is { } option
                    ? new ValueMembership(fact, [option], comparison.Operator == ComparisonOperator.NotEqual, option.Name, span)
                    : null;

            case FactType.Ordinal:
                return ResolveSingleValue(fact, comparison.Value) is { } rank
                    ? new RankComparison(fact, comparison.Operator, rank, span)
                    : null;

            case FactType.Boolean when comparison.Operator is ComparisonOperator.Equal or ComparisonOperator.NotEqual:
                if (comparison.Value is not BooleanSyntax boolean)
                {
                    _diagnostics.Add(CatalogueDiagnostics.ValueWrongType(At(comparison.Value.Span), fact.ToString(), "是 或 否（true 或 false）"));
                    return null;
                }

                // 听证 == 是 is 听证; 听证 == 否 and 听证 != 是 are 非 听证.
                var flag = new FlagCondition(fact, span);
                return boolean.Value == (comparison.Operator == ComparisonOperator.Equal) ? flag : new NotCondition(flag, span);

            default:
                return NotAllowed(comparison.OperatorSpan, op, fact);
        }
    }

    // 罚款金额 + 没收金额 10万元以上, 罚款金额 没收金额的3倍以上: every fact an amount of the same kind.
    private Condition? BindCombined(ComparisonSyntax comparison)
    {
        var facts = comparison.Subjects.Select(ResolveFact).ToList();
        var multiple = comparison.Value as MultipleSyntax;
        var of = multiple is null ? null : ResolveFact(multiple.Fact);
        if (facts.Any(f => f is null) || (multiple is not null && of is null))
        {
            return null;
        }

        var first = facts[0]!;
        foreach (var (fact, name) in facts.Skip(1).Append(of).Zip(comparison.Subjects.Skip(1).Append(multiple?.Fact)))
        {
            if (fact is null)
            {
                continue;
            }

            if (!fact.IsNumeric || fact.Type != first.Type)
            {
                _diagnostics.Add(CatalogueDiagnostics.AmountsNotAlike(At(name!.Span), fact.ToString(), first.ToString()));
                return null;
            }
        }

        if (!first.IsNumeric)
        {
            return NotAllowed(comparison.Subject.Span, multiple is null ? "相加（+）" : "倍数", first);
        }

        if (multiple is not null)
        {
            if (comparison.Added is { Count: > 0 })
            {
                _diagnostics.Add(CatalogueDiagnostics.SumWithMultiple(At(comparison.Span)));
                return null;
            }

            CheckBoundaryNote(first, comparison.Boundary, null);
            return new CombinedComparison([first], comparison.Operator, multiple.Factor.Value, null, of, At(comparison.Span));
        }

        if (ResolveAmount(first, comparison.Value) is not { } resolved)
        {
            return null;
        }

        CheckBoundaryNote(first, comparison.Boundary, resolved.Value);
        return new CombinedComparison(facts!, comparison.Operator, resolved.Value, resolved.Name, null, At(comparison.Span));
    }

    private Condition? BindBetween(BetweenSyntax between)
    {
        if (ResolveFact(between.Subject) is not { } fact)
        {
            return null;
        }

        if (!fact.IsNumeric)
        {
            return NotAllowed(between.Subject.Span, "介于（between）", fact);
        }

        var low = ResolveAmount(fact, between.Low);
        var high = ResolveAmount(fact, between.High);
        if (low is null || high is null)
        {
            return null;
        }

        if (low.Value.Value > high.Value.Value)
        {
            _diagnostics.Add(CatalogueDiagnostics.RangeReversed(At(between.Span), Formatting.Amount(fact, low.Value.Value), Formatting.Amount(fact, high.Value.Value)));
            return null;
        }

        return new AmountRange(fact, low.Value.Value, high.Value.Value, At(between.Span));
    }

    private Condition? BindMembership(MembershipSyntax membership)
    {
        if (ResolveFact(membership.Subject) is not { } fact)
        {
            return null;
        }

        if (fact.Type is not (FactType.Enum or FactType.Ordinal))
        {
            return NotAllowed(membership.Subject.Span, membership.Negated ? "不属于（not in）" : "属于（in）", fact);
        }

        return ResolveValueList(fact, membership.Values, membership.ListSpan) is { } values
            ? new ValueMembership(fact, values, membership.Negated, Written(membership.Values), At(membership.Span))
            : null;
    }

    private Condition? BindOverlap(OverlapSyntax overlap)
    {
        if (ResolveFact(overlap.Subject) is not { } fact)
        {
            return null;
        }

        if (fact.Type != FactType.Set)
        {
            return NotAllowed(overlap.Subject.Span, "包含任一（any of）", fact);
        }

        return ResolveValueList(fact, overlap.Values, overlap.ListSpan) is { } values
            ? new SetOverlap(fact, values, Written(overlap.Values), At(overlap.Span))
            : null;
    }

    private Condition? BindSubset(SubsetSyntax subset)
    {
        if (ResolveFact(subset.Subject) is not { } fact)
        {
            return null;
        }

        if (fact.Type != FactType.Set)
        {
            return NotAllowed(subset.Subject.Span, "仅限（only）", fact);
        }

        return ResolveValueList(fact, subset.Values, subset.ListSpan) is { } values
            ? new SetSubset(fact, values, Written(subset.Values), At(subset.Span))
            : null;
    }

    private FactDefinition? ResolveFact(NameSyntax name)
    {
        if (_schema.TryGetFact(name.Text, out var fact))
        {
            return fact;
        }

        string hint;
        string? replacement = null;
        if (_thresholds.ContainsKey(name.Text))
        {
            hint = $"“{name.Text}”是本目录定义的阈值，不是事实；阈值要写在比较的右边，例如“罚款金额 >= {name.Text}”。";
        }
        else if (Keywords.SuggestSpacing(name.Text, IsKnownName) is { Length: > 0 } spacing)
        {
            hint = spacing;
            replacement = Keywords.Spaced(name.Text, IsKnownName);
        }
        else if (_schema.Suggest(name.Text) is { } suggestion)
        {
            hint = $"是否想写“{suggestion.Label}”（{suggestion.Key}）？";
            replacement = suggestion.Label;
        }
        else
        {
            hint = string.Empty;
        }

        _diagnostics.Add(CatalogueDiagnostics.UnknownFact(At(name.Span), name.Text, hint)
            with { Fix = replacement is null ? null : new DiagnosticFix(At(name.Span), replacement) });
        return null;
    }

    private bool IsKnownName(string name) => _schema.TryGetFact(name, out _) || _thresholds.ContainsKey(name);

    // An amount literal or a named threshold; null after a diagnostic.
    private (decimal Value, string? Name)? ResolveAmount(FactDefinition fact, ValueSyntax value)
    {
        switch (value)
        {
            case AmountSyntax amount:
                return CheckAmount(fact, amount.Value, amount.Unit != AmountUnit.None, amount.Text, value.Span) ? (amount.Value, null) : null;
            case NameValueSyntax { Name: var name } when _thresholds.TryGetValue(name.Text, out var threshold):
                return CheckAmount(fact, threshold.Value, threshold.HasUnit, threshold.Text, value.Span) ? (threshold.Value, threshold.Name) : null;
            case NameValueSyntax { Name: var name } when _misdeclared.Contains(name.Text):
                return null;
            case NameValueSyntax { Name: var name }:
                string hint;
                string? replacement = null;
                if (_schema.TryGetFact(name.Text, out var other))
                {
                    hint = $"“{name.Text}”是事实（{other.Key}）；与另一事实比较时写它的倍数，例如“{fact.Label} >= {name.Text}的1倍”。";
                    replacement = other.IsNumeric && other.Type == fact.Type ? $"{name.Text}的1倍" : null;
                }
                else if (NameSuggestions.Closest(name.Text, _thresholds.Keys) is { } closest)
                {
                    hint = $"是否想写“{closest}”？";
                    replacement = closest;
                }
                else
                {
                    hint = _thresholds.Count == 0
                        ? "本目录没有定义阈值；请直接写数额，或在 thresholds 中定义它。"
                        : $"本目录定义的阈值：{string.Join("、", _thresholds.Keys)}。";
                }

                _diagnostics.Add(CatalogueDiagnostics.UnknownThreshold(At(name.Span), name.Text, hint)
                    with { Fix = replacement is null ? null : new DiagnosticFix(At(name.Span), replacement) });
                return null;
            default:
                _diagnostics.Add(CatalogueDiagnostics.ValueWrongType(At(value.Span), fact.ToString(), fact.Type == FactType.Money ? "数额（如 5万元）或阈值名称" : "数字或阈值名称"));
                return null;
        }
    }

    private bool CheckAmount(FactDefinition fact, decimal value, bool hasUnit, string text, TextSpan span)
    {
        if (fact.Type == FactType.Number && hasUnit)
        {
            _diagnostics.Add(CatalogueDiagnostics.UnitOnNumber(At(span), fact.ToString()));
            return false;
        }

        if (fact.Type == FactType.Money && value.Scale > 2)
        {
            _diagnostics.Add(CatalogueDiagnostics.MoneyTooPrecise(At(span), text));
            return false;
        }

        return true;
    }

    // （含2万元） must repeat the threshold it qualifies.
    private void CheckBoundaryNote(FactDefinition fact, BoundarySyntax? boundary, decimal? threshold)
    {
        if (boundary?.Value is not { } noted)
        {
            return;
        }

        if (threshold is null)
        {
            // A multiple has no one amount to repeat: （含本数） says it, （含3倍） cannot be checked.
            _diagnostics.Add(CatalogueDiagnostics.BoundaryAmountMismatch(At(noted.Span), noted is AmountSyntax a ? a.Text : "?", "倍数（请写“含本数”）"));
            return;
        }

        if (ResolveAmount(fact, noted) is { } value && value.Value != threshold)
        {
            _diagnostics.Add(CatalogueDiagnostics.BoundaryAmountMismatch(
                At(noted.Span), Formatting.Amount(fact, value.Value), Formatting.Amount(fact, threshold.Value))
                with { Fix = fact.Type == FactType.Money ? new DiagnosticFix(At(noted.Span), AmountLiteral.Write(threshold.Value)) : null });
        }
    }

    private FactValueOption? ResolveSingleValue(FactDefinition fact, ValueSyntax value, ComparisonSyntax? equality = null)
    {
        if (ValueName(value) is not { } name)
        {
            _diagnostics.Add(CatalogueDiagnostics.ValueWrongType(At(value.Span), fact.ToString(), $"以下取值之一：{FactTypeNames.AllowedValues(fact)}"));
            return null;
        }

        if (fact.TryGetValue(name, out var option))
        {
            return option;
        }

        if (fact.TryGetGroup(name, out _))
        {
            // 当事人类型 == 单位 is 当事人类型 in [单位]; != is not in.
            var rewrite = equality is null ? null
                : $"{equality.Subject.Text} {(equality.Operator == ComparisonOperator.Equal ? "in" : "not in")} [{name}]";
            _diagnostics.Add(CatalogueDiagnostics.GroupNotAllowed(At(value.Span), name, fact.ToString())
                with { Fix = rewrite is null ? null : new DiagnosticFix(At(equality!.Span), rewrite) });
            return null;
        }

        UnknownValue(fact, name, value.Span);
        return null;
    }

    private List<FactValueOption>? ResolveValueList(FactDefinition fact, IReadOnlyList<ValueSyntax> values, TextSpan listSpan)
    {
        if (values.Count == 0)
        {
            _diagnostics.Add(CatalogueDiagnostics.EmptyList(At(listSpan), fact.Label));
            return null;
        }

        var options = new List<FactValueOption>();
        var ok = true;
        foreach (var value in values)
        {
            if (ValueName(value) is not { } name)
            {
                _diagnostics.Add(CatalogueDiagnostics.ValueWrongType(At(value.Span), fact.ToString(), $"以下取值之一：{FactTypeNames.AllowedValues(fact)}"));
                ok = false;
            }
            else if (fact.TryGetValue(name, out var option))
            {
                options.Add(option);
            }
            else if (fact.TryGetGroup(name, out var members))
            {
                options.AddRange(members);
            }
            else
            {
                UnknownValue(fact, name, value.Span);
                ok = false;
            }
        }

        return ok ? options.Distinct().OrderBy(o => o.Code).ToList() : null;
    }

    private void UnknownValue(FactDefinition fact, string name, TextSpan span)
    {
        var known = fact.Values.SelectMany(v => v.Aliases.Prepend(v.Name)).Concat(fact.Groups.Keys).ToList();
        var closest = NameSuggestions.Closest(name, known);
        var hint = closest is not null
            ? $"是否想写“{closest}”？"
            : $"可用的取值：{FactTypeNames.AllowedValues(fact)}" + (fact.Groups.Count > 0 ? $"；分组：{string.Join("、", fact.Groups.Keys)}" : string.Empty) + "。";
        if (fact.Extensible)
        {
            hint += $"“{fact.Label}”的取值可以在本目录的 values 中补充。";
        }

        // A value written in quotes keeps its quotes; the fix replaces only what is between them.
        var quoted = _source.Text[span.Start] is '"' or '“' or '\'' ? 1 : 0;
        var inner = At(new TextSpan(span.Start + quoted, span.Length - (2 * quoted)));
        _diagnostics.Add(CatalogueDiagnostics.UnknownValue(At(span), fact.ToString(), name, hint)
            with { Fix = closest is null ? null : new DiagnosticFix(inner, closest) });
    }

    private static string? ValueName(ValueSyntax value) => value switch
    {
        NameValueSyntax name => name.Name.Text,
        StringSyntax text => text.Value,
        _ => null,
    };

    private static string Written(IReadOnlyList<ValueSyntax> values) => string.Join("、", values.Select(v => ValueName(v) ?? "?"));

    private Condition? NotAllowed(TextSpan at, string op, FactDefinition fact)
    {
        var allowed = fact.Type switch
        {
            FactType.Money or FactType.Number => "比较（>= > <= < == !=）、数额后加“以上”“以下”“以内”、数额前加“超过”“不满”、介于 A 至 B（between A and B）、A以上B以下、相加（+）、倍数（另一事实的3倍）",
            FactType.Enum => "== 取值、!= 取值、in [取值, …]、not in [取值, …]",
            FactType.Ordinal => "== 取值、in [取值, …]，以及按顺序比较：>= 取值、取值 以上、取值 以下",
            FactType.Set => "any of [取值, …]（包含任一 [取值, …]）、包含 取值",
            FactType.Boolean => "单独写事实名称（如“听证”）、非 名称、名称 == 是/否",
            _ => "单独写事实名称（如“疑难复杂”）、非 名称",
        };
        _diagnostics.Add(CatalogueDiagnostics.OperatorNotAllowed(At(at), op, fact.ToString(), fact.Type.ToChinese(), allowed));
        return null;
    }

    private string OperatorText(ComparisonSyntax comparison) => comparison.Wording switch
    {
        OperatorWording.Above => "以上",
        OperatorWording.Below => "以下",
        OperatorWording.Within => "以内",
        OperatorWording.Over => "超过",
        OperatorWording.Under => "不满",
        _ => _source.Text.Substring(comparison.OperatorSpan.Start, comparison.OperatorSpan.Length),
    };
}
