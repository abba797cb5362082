using Fashen.Engine.Calendar;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Statute;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Classification;

/// <summary>The answer to "is this decision major?", with its reasons and provenance.</summary>
/// <param name="CaseId">The decision's case id.</param>
/// <param name="Kind">The conclusion.</param>
/// <param name="Summary">One Chinese sentence that states the conclusion.</param>
/// <param name="Catalogue">The catalogue version that gave the answer.</param>
/// <param name="MatchedRules">The rules that matched, in catalogue order, each with why.</param>
/// <param name="MissingFacts">For an undetermined decision: the facts that would settle it.</param>
/// <param name="NearMisses">The rules that did not match but came closest, with why not.</param>
/// <param name="Checklist">For a major decision: what the reviewer must check.</param>
/// <param name="Materials">For a major decision: what must be submitted.</param>
/// <param name="Deadline">For a major decision whose materials date was given: the review deadline.</param>
/// <param name="Diagnostics">Problems met while answering, such as a calendar year that is not loaded.</param>
public sealed record ClassificationResult(
    string CaseId,
    ClassificationKind Kind,
    string Summary,
    CatalogueReference Catalogue,
    IReadOnlyList<MatchedRule> MatchedRules,
    IReadOnlyList<MissingFact> MissingFacts,
    IReadOnlyList<NearMiss> NearMisses,
    IReadOnlyList<ChecklistItem> Checklist,
    IReadOnlyList<string> Materials,
    ReviewDeadline? Deadline,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Gets the review deadline in working days for a major decision (the shortest of the matched
    /// rules'), whether or not a date was given; null otherwise.</summary>
    public int? DeadlineWorkingDays { get; init; }

    /// <summary>Gets how many working days one extension may add; 0 when the catalogue allows none.</summary>
    public int ExtensionWorkingDays { get; init; }

    /// <summary>Gets the forms the law requires that the decision breaks; empty unless it is <see cref="ClassificationKind.Unlawful"/>.</summary>
    public IReadOnlyList<FormViolation> Violations { get; init; } = [];

    /// <summary>Gets the forms the law requires that applied to the decision and that it keeps, as the answer cites them.</summary>
    public IReadOnlyList<FormCitation> Forms { get; init; } = [];

    /// <summary>Gets the review the decision's case already has, which binds every version of it; null when none.</summary>
    public PriorReview? Review { get; init; }
}

/// <summary>The review a decision's case already has, as an answer names it.</summary>
/// <param name="ReviewId">The review.</param>
/// <param name="State">Its state (wire name).</param>
/// <param name="StateName">Its state in Chinese.</param>
/// <param name="SameVersion">Whether the decision is exactly the version under that review (or approved by it).</param>
/// <param name="Differences">How the decision differs from that version: its kind, procedure, party, dates and facts.</param>
public sealed record PriorReview(string ReviewId, string State, string StateName, bool SameVersion, IReadOnlyList<Decisions.DecisionChange> Differences);

/// <summary>A form the law requires, as an answer cites it.</summary>
/// <param name="Id">The form's id.</param>
/// <param name="Title">What the law requires.</param>
/// <param name="Basis">The articles that require it.</param>
/// <param name="Law">For a department's departure from the national baseline, the law it departs under; else null.</param>
/// <param name="Replaces">For a departure, the national form it takes the place of; else null.</param>
public sealed record FormCitation(string Id, string Title, IReadOnlyList<string> Basis, string? Law, string? Replaces)
{
    /// <summary>Gets what the decision is held to, as a sentence cites it.</summary>
    public string Citation => Law is { } law ? $"{law}（法律另有规定，替代全国法定基准 {Replaces}）" : string.Join("、", Basis);

    /// <summary>Cites a form.</summary>
    /// <param name="form">The form.</param>
    /// <returns>The citation.</returns>
    public static FormCitation Of(StatutoryForm form) => new(form.Id, form.Title, form.Basis, form.Departure?.Law, form.Departure?.Replaces);
}

/// <summary>Which catalogue version answered.</summary>
/// <param name="Id">The department id.</param>
/// <param name="Name">The department's name.</param>
/// <param name="Version">The catalogue's version.</param>
/// <param name="Revision">The content hash of the catalogue and its schema.</param>
/// <param name="EffectiveFrom">The first day the version is in force.</param>
/// <param name="EffectiveTo">The last day the version is in force, or null.</param>
/// <param name="Commit">The git commit the catalogue was read at, or null outside a git checkout.</param>
public sealed record CatalogueReference(string Id, string Name, string Version, string Revision, DateOnly EffectiveFrom, DateOnly? EffectiveTo = null, string? Commit = null)
{
    /// <summary>Gets why this version was chosen, in Chinese (“按拟作出决定日期 2026-09-28”), or null when not said.</summary>
    public string? ChosenBy { get; init; }
}

/// <summary>A rule that matched, and why.</summary>
/// <param name="Id">The rule's id.</param>
/// <param name="Title">The catalogue's wording.</param>
/// <param name="Basis">Legal basis citations.</param>
/// <param name="Explanation">The clauses that hold, with the decision's values and the thresholds.</param>
/// <param name="Location">Where the rule is in its catalogue.</param>
/// <param name="RequiresCounselOpinion">Whether 同意 needs a legal counsel's opinion first.</param>
/// <param name="RequiresCollectiveDiscussion">Whether the agency heads must discuss the decision collectively before it is made.</param>
public sealed record MatchedRule(
    string Id, string Title, IReadOnlyList<string> Basis, string Explanation, SourceSpan Location, bool RequiresCounselOpinion = false,
    bool RequiresCollectiveDiscussion = false);

/// <summary>A fact whose absence leaves the answer open.</summary>
/// <param name="Key">The fact's key.</param>
/// <param name="Label">The fact's Chinese label.</param>
/// <param name="RuleIds">The rules that cannot be decided without it.</param>
public sealed record MissingFact(string Key, string Label, IReadOnlyList<string> RuleIds);

/// <summary>A rule that did not match, and what would have made it match.</summary>
/// <param name="Id">The rule's id.</param>
/// <param name="Title">The catalogue's wording.</param>
/// <param name="Failed">The clauses that failed, with the decision's values.</param>
/// <param name="ToMatch">What would make each failed clause hold.</param>
public sealed record NearMiss(string Id, string Title, IReadOnlyList<string> Failed, IReadOnlyList<string> ToMatch);
