using Fashen.Engine.Calendar;
using Fashen.Engine.Decisions;
using Fashen.Engine.IssuedDecisions;

namespace Fashen.Engine.Publication;

/// <summary>What is proposed for publication when a decision is reported: the fields masked by the department's rules (for the
/// legal office to check beside the original before anything goes out), and the day it must be published by.</summary>
/// <param name="Masked">The fields as they would be published.</param>
/// <param name="Masks">What was masked in them.</param>
/// <param name="DueOn">The last working day to publish it, or null when the holiday arrangement of a year on the way is not
/// loaded.</param>
/// <param name="DueUnknownYear">That year, when the due day is not known.</param>
public sealed record PublicationDraft(PublicationFields Masked, IReadOnlyList<Mask> Masks, DateOnly? DueOn, int? DueUnknownYear)
{
    /// <summary>Gets the kinds of personal data masked, each once, in the order met (姓名, 身份证号码, …).</summary>
    public IReadOnlyList<string> MaskedKinds => Masks.Select(m => m.Label).Distinct().ToList();

    /// <summary>The party types whose party is a natural person, whose name is shown as the department's rule says.</summary>
    public static IReadOnlyList<string> NaturalPersons { get; } = ["自然人"];

    /// <summary>Proposes the publication of a reported decision.</summary>
    /// <param name="fields">The fields as reported.</param>
    /// <param name="decision">The decision as issued (its kind of action, and whether its party is a natural person).</param>
    /// <param name="decidedOn">The day it was made.</param>
    /// <param name="rules">The department's masking rules.</param>
    /// <param name="deadline">The publication deadlines.</param>
    /// <param name="calendar">The working-day calendar, or null when none is loaded.</param>
    /// <returns>The draft.</returns>
    public static PublicationDraft Of(
        PublicationFields fields, BoundDecision decision, DateOnly decidedOn, MaskingRules rules, PublicationDeadline deadline, WorkingCalendar? calendar)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(deadline);

        // A natural person's name is masked wherever it appears; an organisation's name is published.
        var natural = decision.GivenFacts().Any(f => f.Value switch
        {
            OptionValue o => NaturalPersons.Contains(o.Option.Name),
            OptionSetValue s => s.Options.Any(o => NaturalPersons.Contains(o.Name)),
            _ => false,
        });
        IReadOnlyList<string> names = natural ? [fields.Party] : [];
        var masked = new[] { fields.Agency, fields.Party, fields.Category, fields.Conclusion, fields.Basis }
            .Select(text => PublicationMasker.Mask(text, rules, names)).ToList();
        var due = calendar is null ? null : deadline.Due(decision.Action, decidedOn, calendar);
        return new PublicationDraft(
            new PublicationFields(masked[0].Masked, masked[1].Masked, masked[2].Masked, masked[3].Masked, masked[4].Masked),
            masked.SelectMany(m => m.Masks).ToList(),
            due?.LastDay,
            due is null ? decidedOn.Year : due.MissingYear);
    }
}
