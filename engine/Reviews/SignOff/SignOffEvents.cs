using Fashen.Engine.Documents;

namespace Fashen.Engine.Reviews;

/// <summary>The reviewer gave an opinion that the legal office's head must confirm before it takes effect (the catalogue's
/// <c>head_confirmation</c>). The opinion takes effect, as <see cref="OutcomeRecorded"/>, only when the head confirms it.</summary>
/// <param name="Outcome">The outcome proposed.</param>
/// <param name="Reason">The written reason, or null for a plain 同意.</param>
public sealed record OutcomeProposed(ReviewOutcome Outcome, string? Reason) : ReviewEvent;

/// <summary>The head did not confirm the reviewer's opinion and sent the review back to the reviewer, with the reason.</summary>
/// <param name="Reason">Why.</param>
public sealed record ProposalReturned(string Reason) : ReviewEvent;

/// <summary>The agency heads discussed the decision collectively (集体讨论, 《行政处罚法》第五十七条第二款), as a matched rule
/// requires, after the review approved it; the minutes are a document of the case file.</summary>
/// <param name="HeldOn">The day of the meeting.</param>
/// <param name="Participants">The heads who took part, presiding first.</param>
/// <param name="Conclusion">What they concluded.</param>
/// <param name="Summary">What the minutes say in brief, or null.</param>
/// <param name="Minutes">The minutes (会议纪要), stored in the case file.</param>
public sealed record CollectiveDiscussionRecorded(
    DateOnly HeldOn, IReadOnlyList<string> Participants, DiscussionConclusion Conclusion, string? Summary, SubmittedDocument Minutes) : ReviewEvent;
