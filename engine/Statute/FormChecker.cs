using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Conditions;
using Fashen.Engine.Decisions;
using Fashen.Engine.Facts;

namespace Fashen.Engine.Statute;

/// <summary>Checks decisions against the forms the law requires of them, for one catalogue: the statutory forms it
/// stands on (the national baseline, its own stricter forms, and the departures a law allows), and which facts belong to
/// which kinds of action (facts.yaml's <c>actions</c>: a fine amount on an inspection is refused).</summary>
/// <remarks>Built once per catalogue; the forms are indexed by kind and procedure, so a decision that no form covers
/// costs a few array reads (replaying a year of decisions asks this for each).</remarks>
public sealed class FormChecker
{
    private readonly StatutoryForm[][] _forms;
    private readonly FactDefinition[][] _foreignFacts;
    private readonly FactSchema _schema;

    /// <summary>Initializes a new instance of the <see cref="FormChecker"/> class.</summary>
    /// <param name="forms">The forms the catalogue stands on.</param>
    /// <param name="schema">The catalogue's fact schema.</param>
    public FormChecker(IReadOnlyList<StatutoryForm> forms, FactSchema schema)
    {
        Forms = forms;
        _schema = schema;
        var procedures = Enum.GetValues<Procedure>();
        _forms = schema.Actions
            .SelectMany(action => procedures.Select(procedure => forms.Where(f => f.Covers(action, procedure)).ToArray()))
            .ToArray();
        _foreignFacts = schema.Actions.Select(action => schema.Facts.Where(f => !f.BelongsTo(action)).ToArray()).ToArray();
    }

    /// <summary>Gets the forms checked.</summary>
    public IReadOnlyList<StatutoryForm> Forms { get; }

    /// <summary>Checks a decision, with explanations.</summary>
    /// <param name="decision">The decision, bound to the catalogue's schema.</param>
    /// <returns>What the forms found.</returns>
    public FormCheck Check(BoundDecision decision)
    {
        var violations = new List<FormViolation>();
        foreach (var fact in Foreign(decision))
        {
            violations.Add(new FormViolation(
                $"facts.yaml:{fact.Key}",
                $"“{fact.Label}”只用于{string.Join("、", fact.Actions.Select(a => a.ToChinese()))}决定",
                [$"事实表 facts.yaml（{fact.Label}：actions）"],
                $"{decision.Action.ToChinese()}决定中写有{fact.Label}，这是{string.Join("、", fact.Actions.Select(a => a.ToChinese()))}的事实：执法行为的类别与事实不符。",
                null));
        }

        var missing = new Dictionary<FactDefinition, List<string>>();
        var applied = new List<StatutoryForm>();
        foreach (var form in FormsFor(decision))
        {
            var (applies, satisfied) = Evaluate(form, decision);
            if (applies == Truth.False)
            {
                continue;
            }

            if (satisfied == Truth.True)
            {
                if (applies == Truth.True)
                {
                    applied.Add(form);
                }
            }
            else if (applies == Truth.True && satisfied == Truth.False)
            {
                violations.Add(new FormViolation(form.Id, form.Title, form.Basis, Explain(form, decision), form.Departure?.Law));
            }
            else
            {
                foreach (var fact in Absent(form, decision))
                {
                    (missing.TryGetValue(fact, out var ids) ? ids : missing[fact] = []).Add(form.Id);
                }
            }
        }

        return new FormCheck(
            violations,
            missing.OrderBy(m => m.Key.Slot).Select(m => new MissingFact(m.Key.Key, m.Key.Label, m.Value)).ToList(),
            applied);
    }

    /// <summary>Concludes without explanations: whether the decision breaks a form, may break one (facts missing), or keeps them.</summary>
    /// <param name="decision">The decision, bound to the catalogue's schema.</param>
    /// <returns>The verdict.</returns>
    public FormVerdict Verdict(BoundDecision decision)
    {
        if (Foreign(decision).Any())
        {
            return FormVerdict.Unlawful;
        }

        var verdict = FormVerdict.Lawful;
        foreach (var form in FormsFor(decision))
        {
            var (applies, satisfied) = Evaluate(form, decision);
            if (applies == Truth.True && satisfied == Truth.False)
            {
                return FormVerdict.Unlawful;
            }

            if (applies != Truth.False && satisfied != Truth.True)
            {
                verdict = FormVerdict.Undecided;
            }
        }

        return verdict;
    }

    private StatutoryForm[] FormsFor(BoundDecision decision) =>
        _forms[(_schema.IndexOf(decision.Action) * Enum.GetValues<Procedure>().Length) + (int)decision.Procedure];

    private IEnumerable<FactDefinition> Foreign(BoundDecision decision) =>
        _foreignFacts[_schema.IndexOf(decision.Action)].Where(f => decision.Get(f) is not (null or JudgementValue { Raised: false }));

    private static (Truth Applies, Truth Satisfied) Evaluate(StatutoryForm form, BoundDecision decision)
    {
        var applies = form.When is { } when ? ConditionEvaluator.Evaluate(when, decision.Vector) : Truth.True;
        var satisfied = form.Require is { } require ? ConditionEvaluator.Evaluate(require, decision.Vector) : Truth.False;
        return (applies, satisfied);
    }

    // The facts the form asks about that the decision does not give.
    private static IEnumerable<FactDefinition> Absent(StatutoryForm form, BoundDecision decision) =>
        new[] { form.When, form.Require }.OfType<Condition>()
            .SelectMany(ConditionFacts.Referenced)
            .Where(f => !decision.Vector.Present[f.Slot])
            .Distinct();

    private static string Explain(StatutoryForm form, BoundDecision decision)
    {
        var applies = form.When is { } when ? Classifier.Explain(when, decision) + "；" : string.Empty;
        return form.Require is { } require
            ? $"{applies}{Classifier.ExplainFailure(require, decision)}。"
            : $"{applies}{decision.Action.ToChinese()}决定不能{(form.Procedure is { } p ? $"适用{p.ToChinese()}" : "这样作出")}。";
    }
}

/// <summary>What checking a decision against its forms found.</summary>
/// <param name="Violations">The forms the decision breaks, each with why.</param>
/// <param name="Missing">The facts without which a form that may apply cannot be checked, each with the forms waiting on it.</param>
/// <param name="Applied">The forms that applied to the decision and that it keeps, to cite.</param>
public sealed record FormCheck(IReadOnlyList<FormViolation> Violations, IReadOnlyList<MissingFact> Missing, IReadOnlyList<StatutoryForm> Applied);

/// <summary>A form a decision breaks.</summary>
/// <param name="FormId">The form's id (or <c>facts.yaml:键名</c> for a fact that does not belong to the decision's kind).</param>
/// <param name="Title">What the law requires.</param>
/// <param name="Basis">The articles that require it.</param>
/// <param name="Explanation">How the decision breaks it, with its values.</param>
/// <param name="Law">For a department's form that departs from the national baseline, the law it departs under; else null.</param>
public sealed record FormViolation(string FormId, string Title, IReadOnlyList<string> Basis, string Explanation, string? Law);

/// <summary>A decision's standing against its forms, without explanations.</summary>
public enum FormVerdict
{
    /// <summary>It keeps every form that applies.</summary>
    Lawful,

    /// <summary>A form may apply or may be broken, but facts to tell are missing.</summary>
    Undecided,

    /// <summary>It breaks a form.</summary>
    Unlawful,
}
