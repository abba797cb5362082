using Fashen.Engine.Conditions;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Catalogues;

/// <summary>One item of a catalogue: when a decision is major, in the catalogue's own words.</summary>
/// <param name="Id">The rule's id, unique in its catalogue.</param>
/// <param name="Title">The catalogue's own wording of the item.</param>
/// <param name="Actions">The action kinds the rule covers.</param>
/// <param name="Condition">The type-checked condition.</param>
/// <param name="ConditionText">The condition as written.</param>
/// <param name="Basis">Legal basis citations.</param>
/// <param name="Checklist">Review points this rule adds.</param>
/// <param name="Materials">Materials this rule adds to the submission.</param>
/// <param name="DeadlineWorkingDays">The rule's own deadline, or null to use the catalogue's.</param>
/// <param name="Span">Where the rule is declared.</param>
/// <param name="RequiresCounselOpinion">Whether 同意 needs a legal counsel's opinion first.</param>
/// <param name="RequiresCollectiveDiscussion">Whether the agency heads must discuss the decision collectively (集体讨论,
/// 《行政处罚法》第五十七条第二款) after the review approves it and before it is made.</param>
public sealed record Rule(
    string Id,
    string Title,
    IReadOnlyList<ActionKind> Actions,
    Condition Condition,
    string ConditionText,
    IReadOnlyList<string> Basis,
    IReadOnlyList<ChecklistItem> Checklist,
    IReadOnlyList<string> Materials,
    int? DeadlineWorkingDays,
    SourceSpan Span,
    bool RequiresCounselOpinion = false,
    bool RequiresCollectiveDiscussion = false);
