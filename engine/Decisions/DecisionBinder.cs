using System.Globalization;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Diagnostics;
using Fashen.Engine.Facts;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Parsing;
using Fashen.Grammar.Syntax;

namespace Fashen.Engine.Decisions;

/// <summary>Checks a decision against a fact schema: known facts, right types, allowed values,
/// attributed judgements. Reports every problem at once.</summary>
public static class DecisionBinder
{
    /// <summary>The longest case id accepted, in characters.</summary>
    public const int MaxCaseIdLength = 128;

    /// <summary>The longest party name accepted, in characters.</summary>
    public const int MaxPartyLength = 200;

    /// <summary>The longest cause (案由) accepted, in characters.</summary>
    public const int MaxCauseLength = 200;

    /// <summary>The largest amount or number accepted: 10^15 (一千万亿), far beyond any fine or value a decision states.</summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>The first date a decision may carry.</summary>
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);

    /// <summary>The last date a decision may carry.</summary>
    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    /// <summary>Checks a decision.</summary>
    /// <param name="decision">The decision as sent.</param>
    /// <param name="schema">The schema of the catalogue that will classify it.</param>
    /// <returns>The bound decision, or every diagnostic found.</returns>
    public static Result<BoundDecision> Bind(Decision decision, FactSchema schema)
    {
        var diagnostics = new List<Diagnostic>();
        var caseId = Required(decision.CaseId, "caseId", "案件编号", decision, diagnostics);
        if (caseId is not null && CaseIdProblem(caseId) is { } caseProblem)
        {
            diagnostics.Add(EngineDiagnostics.InvalidCaseId(decision.CaseId!.Span, caseProblem));
        }

        var department = Required(decision.Department, "department", "部门", decision, diagnostics);
        var actionText = Required(decision.Action, "action", "执法行为类别", decision, diagnostics);
        var procedureText = Required(decision.Procedure, "procedure", "程序：一般程序或简易程序", decision, diagnostics);

        var action = ActionKind.Penalty;
        if (actionText is not null && !schema.TryGetAction(actionText, out action))
        {
            diagnostics.Add(EngineDiagnostics.UnknownActionKind(decision.Action!.Span, actionText, schema.ActionList));
        }

        var procedure = Procedure.General;
        if (procedureText is not null && !Procedures.TryParse(procedureText, out procedure))
        {
            diagnostics.Add(EngineDiagnostics.UnknownProcedure(decision.Procedure!.Span, procedureText));
        }

        if (decision.Party is { } partyField && partyField.Text.Length > MaxPartyLength)
        {
            diagnostics.Add(EngineDiagnostics.MalformedDecision(partyField.Span, $"当事人名称共 {partyField.Text.Length} 个字符，最多 {MaxPartyLength} 个。"));
        }

        if (decision.Cause is { } causeField && causeField.Text.Length > MaxCauseLength)
        {
            diagnostics.Add(EngineDiagnostics.MalformedDecision(causeField.Span, $"案由共 {causeField.Text.Length} 个字符，最多 {MaxCauseLength} 个。"));
        }

        var proposedOn = OptionalDate(decision.ProposedOn, diagnostics);
        var filedOn = OptionalDate(decision.FiledOn, diagnostics);

        var values = new FactValue?[schema.Facts.Count];
        var given = new bool[schema.Facts.Count];
        foreach (var input in decision.Facts)
        {
            if (!schema.TryGetFact(input.Name, out var fact))
            {
                diagnostics.Add(EngineDiagnostics.UnknownDecisionFact(input.NameSpan, input.Name, schema.Suggest(input.Name)?.ToString()));
                continue;
            }

            if (given[fact.Slot])
            {
                diagnostics.Add(EngineDiagnostics.FactGivenTwice(input.NameSpan, fact.ToString()));
                continue;
            }

            given[fact.Slot] = true;
            values[fact.Slot] = BindValue(fact, input.Value, diagnostics);
        }

        if (diagnostics.Count > 0)
        {
            return Result<BoundDecision>.Failure(diagnostics);
        }

        var party = string.IsNullOrWhiteSpace(decision.Party?.Text) ? null : decision.Party.Text.Trim();
        var cause = string.IsNullOrWhiteSpace(decision.Cause?.Text) ? null : decision.Cause.Text.Trim();
        return Result<BoundDecision>.Success(new BoundDecision(caseId!, department!, action, procedure, proposedOn, schema, values, party, filedOn, cause));
    }

    /// <summary>Reads a date as decisions write it: yyyy-MM-dd.</summary>
    /// <param name="text">The text.</param>
    /// <param name="date">The date.</param>
    /// <returns>True when the text is such a date.</returns>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Tells what is wrong with a case id: too long, or holding characters nobody sees (a case id that differs
    /// from a reviewed one only by a zero-width space would be another case to the gate).</summary>
    /// <param name="caseId">The case id, trimmed.</param>
    /// <returns>The problem in Chinese, or null.</returns>
    public static string? CaseIdProblem(string caseId) =>
        caseId.Length > MaxCaseIdLength ? $"共 {caseId.Length} 个字符，最多 {MaxCaseIdLength} 个。"
        : Access.PersonNames.Invisible(caseId) is { } hidden ? $"其中有看不见的字符（{hidden}），请删去。"
        : null;

    private static DateOnly? OptionalDate(DecisionField? field, List<Diagnostic> diagnostics)
    {
        if (field is null)
        {
            return null;
        }

        if (!TryParseDate(field.Text, out var date))
        {
            diagnostics.Add(EngineDiagnostics.InvalidDate(field.Span, field.Text));
            return null;
        }

        if (date < EarliestDate || date > LatestDate)
        {
            diagnostics.Add(EngineDiagnostics.DateOutOfRange(field.Span, field.Text, EarliestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), LatestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            return null;
        }

        return date;
    }

    private static string? Required(DecisionField? field, string name, string meaning, Decision decision, List<Diagnostic> diagnostics)
    {
        if (field is null || string.IsNullOrWhiteSpace(field.Text))
        {
            diagnostics.Add(EngineDiagnostics.MissingDecisionField(field?.Span ?? decision.Span, name, meaning));
            return null;
        }

        return field.Text.Trim();
    }

    private static FactValue? BindValue(FactDefinition fact, RawValue raw, List<Diagnostic> diagnostics)
    {
        if (raw is RawNull)
        {
            return null;
        }

        var before = diagnostics.Count;
        FactValue? value = fact.Type switch
        {
            FactType.Money or FactType.Number => BindAmount(fact, raw, diagnostics),
            FactType.Enum or FactType.Ordinal => BindOption(fact, raw, diagnostics),
            FactType.Set => BindSet(fact, raw, diagnostics),
            FactType.Boolean => BindBoolean(raw),
            _ => BindJudgement(fact, raw, diagnostics),
        };
        if (value is null && diagnostics.Count == before)
        {
            diagnostics.Add(EngineDiagnostics.DecisionValueWrongType(raw.Span, fact.ToString(), FactTypeNames.DescribeExpectedValue(fact)));
        }

        return value;
    }

    private static FactValue? BindAmount(FactDefinition fact, RawValue raw, List<Diagnostic> diagnostics)
    {
        decimal amount;
        string text;
        switch (raw)
        {
            case RawNumber number:
                (amount, text) = (AmountLiteral.Normalize(number.Value), number.Text);
                break;
            case RawText literal when AmountLiteral.TryParse(literal.Text, out var parsed, out var unit)
                                      && (fact.Type == FactType.Money || unit == AmountUnit.None):
                (amount, text) = (parsed, literal.Text);
                break;
            default:
                return Wrong(fact, raw, diagnostics);
        }

        if (amount < 0)
        {
            return Wrong(fact, raw, diagnostics);
        }

        if (amount > MaxAmount)
        {
            diagnostics.Add(EngineDiagnostics.NumberOutOfRange(raw.Span, text, $"超出可接受的范围（最大 {MaxAmount:N0}）。请检查单位和位数。"));
            return null;
        }

        if (fact.Type == FactType.Money && amount.Scale > 2)
        {
            diagnostics.Add(EngineDiagnostics.MoneyTooPrecise(raw.Span, fact.ToString(), text));
            return null;
        }

        return new AmountValue(amount);
    }

    private static FactValue? BindOption(FactDefinition fact, RawValue raw, List<Diagnostic> diagnostics)
    {
        if (raw is not RawText text)
        {
            return Wrong(fact, raw, diagnostics);
        }

        if (!fact.TryGetValue(text.Text.Trim(), out var option))
        {
            diagnostics.Add(EngineDiagnostics.UnknownDecisionValue(raw.Span, fact.ToString(), text.Text, FactTypeNames.AllowedValues(fact)));
            return null;
        }

        return new OptionValue(option);
    }

    private static FactValue? BindSet(FactDefinition fact, RawValue raw, List<Diagnostic> diagnostics)
    {
        // A single value is accepted as a list of one: case systems often send 处罚种类 as one text.
        var items = raw switch
        {
            RawList list => list.Items,
            RawText => [raw],
            _ => null,
        };
        if (items is null)
        {
            return Wrong(fact, raw, diagnostics);
        }

        var options = new List<FactValueOption>();
        var ok = true;
        foreach (var item in items)
        {
            if (item is not RawText text)
            {
                Wrong(fact, item, diagnostics);
                ok = false;
            }
            else if (!fact.TryGetValue(text.Text.Trim(), out var option))
            {
                diagnostics.Add(EngineDiagnostics.UnknownDecisionValue(item.Span, fact.ToString(), text.Text, FactTypeNames.AllowedValues(fact)));
                ok = false;
            }
            else if (!options.Contains(option))
            {
                options.Add(option);
            }
        }

        return ok ? new OptionSetValue(options.OrderBy(o => o.Code).ToList()) : null;
    }

    private static FactValue? BindBoolean(RawValue raw) => raw switch
    {
        RawBoolean boolean => new BooleanValue(boolean.Value),
        RawText { Text: "是" or "true" } => new BooleanValue(true),
        RawText { Text: "否" or "false" } => new BooleanValue(false),
        _ => null,
    };

    private static FactValue? BindJudgement(FactDefinition fact, RawValue raw, List<Diagnostic> diagnostics)
    {
        switch (raw)
        {
            case RawBoolean { Value: false }:
            case RawJudgement { Raised: false }:
                return new JudgementValue(false, null, null);
            case RawBoolean { Value: true }:
                diagnostics.Add(EngineDiagnostics.JudgementWithoutAttribution(raw.Span, fact.ToString()));
                return null;
            case RawJudgement judgement when string.IsNullOrWhiteSpace(judgement.RaisedBy) || string.IsNullOrWhiteSpace(judgement.Reason):
                diagnostics.Add(EngineDiagnostics.JudgementWithoutAttribution(raw.Span, fact.ToString()));
                return null;
            case RawJudgement judgement:
                return new JudgementValue(true, judgement.RaisedBy!.Trim(), judgement.Reason!.Trim());
            default:
                return Wrong(fact, raw, diagnostics);
        }
    }

    private static FactValue? Wrong(FactDefinition fact, RawValue raw, List<Diagnostic> diagnostics)
    {
        diagnostics.Add(EngineDiagnostics.DecisionValueWrongType(raw.Span, fact.ToString(), FactTypeNames.DescribeExpectedValue(fact)));
        return null;
    }
}
