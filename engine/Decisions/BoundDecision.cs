using Fashen.Engine.Catalogues;
using Fashen.Engine.Facts;

namespace Fashen.Engine.Decisions;

/// <summary>A decision checked against a fact schema: every field known, every fact typed.</summary>
public sealed class BoundDecision
{
    private readonly FactValue?[] _values;

    /// <summary>Initializes a new instance of the <see cref="BoundDecision"/> class.</summary>
    /// <param name="caseId">The case id.</param>
    /// <param name="department">The department id.</param>
    /// <param name="action">The action kind.</param>
    /// <param name="procedure">The procedure.</param>
    /// <param name="proposedOn">The date the decision is proposed, if given.</param>
    /// <param name="schema">The schema the facts were checked against.</param>
    /// <param name="values">Each fact's value by slot, null when absent.</param>
    /// <param name="party">The party (当事人), if given.</param>
    /// <param name="filedOn">The date the case was filed (立案日期), if given.</param>
    /// <param name="cause">The case's cause (案由), if given.</param>
    public BoundDecision(
        string caseId,
        string department,
        ActionKind action,
        Procedure procedure,
        DateOnly? proposedOn,
        FactSchema schema,
        IReadOnlyList<FactValue?> values,
        string? party = null,
        DateOnly? filedOn = null,
        string? cause = null)
    {
        Cause = cause;
        FiledOn = filedOn;
        Party = party;
        CaseId = caseId;
        Department = department;
        Action = action;
        Procedure = procedure;
        ProposedOn = proposedOn;
        Schema = schema;
        _values = [.. values];
        Vector = BuildVector(schema, _values);
    }

    /// <summary>Gets the case id.</summary>
    public string CaseId { get; }

    /// <summary>Gets the department id.</summary>
    public string Department { get; }

    /// <summary>Gets the action kind.</summary>
    public ActionKind Action { get; }

    /// <summary>Gets the procedure.</summary>
    public Procedure Procedure { get; }

    /// <summary>Gets the date the decision is proposed, if given.</summary>
    public DateOnly? ProposedOn { get; }

    /// <summary>Gets the date the case was filed (立案日期), if given.</summary>
    public DateOnly? FiledOn { get; }

    /// <summary>Gets the party the decision is about (当事人), if given.</summary>
    public string? Party { get; }

    /// <summary>Gets the case's cause (案由), if given.</summary>
    public string? Cause { get; }

    /// <summary>Gets the schema the facts were checked against.</summary>
    public FactSchema Schema { get; }

    /// <summary>Gets the facts laid out for the compiled rules.</summary>
    public FactVector Vector { get; }

    /// <summary>Gets a fact's value.</summary>
    /// <param name="fact">The fact.</param>
    /// <returns>The value, or null when the decision does not say. A judgement flag nobody raised
    /// is a <see cref="JudgementValue"/> that is not raised.</returns>
    public FactValue? Get(FactDefinition fact) =>
        _values[fact.Slot] ?? (fact.Type == FactType.Judgement ? NotRaised : null);

    /// <summary>Makes a copy of the decision with one fact set to another value, for generated test cases.</summary>
    /// <param name="fact">The fact, from this decision's schema.</param>
    /// <param name="value">The new value.</param>
    /// <returns>The copy.</returns>
    public BoundDecision With(FactDefinition fact, FactValue value)
    {
        var values = (FactValue?[])_values.Clone();
        values[fact.Slot] = value;
        return new BoundDecision(CaseId, Department, Action, Procedure, ProposedOn, Schema, values, Party, FiledOn, Cause);
    }

    /// <summary>Lists the facts the decision gives, in schema order.</summary>
    /// <returns>Each given fact with its value.</returns>
    public IEnumerable<(FactDefinition Fact, FactValue Value)> GivenFacts() =>
        Schema.Facts.Where(f => _values[f.Slot] is not null).Select(f => (f, _values[f.Slot]!));

    private static readonly JudgementValue NotRaised = new(false, null, null);

    private static FactVector BuildVector(FactSchema schema, FactValue?[] values)
    {
        var vector = new FactVector(schema.Facts.Count);
        foreach (var fact in schema.Facts)
        {
            var slot = fact.Slot;
            var value = values[slot];

            // A judgement flag nobody raised is known to be false; every other absent fact is unknown.
            vector.Present[slot] = value is not null || fact.Type == FactType.Judgement;
            switch (value)
            {
                case AmountValue amount:
                    vector.Amount[slot] = amount.Value;
                    break;
                case OptionValue option:
                    vector.Code[slot] = option.Option.Code;
                    break;
                case OptionSetValue set:
                    vector.Set[slot] = set.Options.Aggregate(0UL, (bits, o) => bits | (1UL << o.Code));
                    break;
                case BooleanValue boolean:
                    vector.Flag[slot] = boolean.Value;
                    break;
                case JudgementValue judgement:
                    vector.Flag[slot] = judgement.Raised;
                    break;
            }
        }

        return vector;
    }
}
