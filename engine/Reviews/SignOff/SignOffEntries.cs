using Fashen.Engine.Documents;
using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>What a collective discussion concluded.</summary>
public enum DiscussionConclusion
{
    /// <summary>同意作出决定: the decision as the review approved it may be made.</summary>
    Agree,

    /// <summary>不同意作出决定: the decision is not to be made as approved (a changed decision is submitted again for review).</summary>
    Disagree,
}

/// <summary>Names of the conclusions.</summary>
public static class DiscussionConclusions
{
    /// <summary>Gets the Chinese name of a conclusion.</summary>
    /// <param name="conclusion">The conclusion.</param>
    /// <returns>同意作出决定 or 不同意作出决定.</returns>
    public static string ToChinese(this DiscussionConclusion conclusion) => conclusion == DiscussionConclusion.Agree ? "同意作出决定" : "不同意作出决定";

    /// <summary>Gets the machine name of a conclusion.</summary>
    /// <param name="conclusion">The conclusion.</param>
    /// <returns>agree or disagree.</returns>
    public static string ToWire(this DiscussionConclusion conclusion) => conclusion == DiscussionConclusion.Agree ? "agree" : "disagree";

    /// <summary>Reads a conclusion from its machine or Chinese name.</summary>
    /// <param name="text">The name.</param>
    /// <param name="conclusion">The conclusion.</param>
    /// <returns>True when known.</returns>
    public static bool TryParse(string? text, out DiscussionConclusion conclusion)
    {
        foreach (var candidate in new[] { DiscussionConclusion.Agree, DiscussionConclusion.Disagree })
        {
            if (string.Equals(text, candidate.ToWire(), StringComparison.OrdinalIgnoreCase) || text == candidate.ToChinese())
            {
                conclusion = candidate;
                return true;
            }
        }

        conclusion = default;
        return false;
    }
}

/// <summary>An opinion given, waiting for the head's confirmation.</summary>
/// <param name="Outcome">The outcome proposed.</param>
/// <param name="Reason">Its reason, or null.</param>
/// <param name="By">The reviewer.</param>
/// <param name="At">When.</param>
public sealed record OutcomeProposal(ReviewOutcome Outcome, string? Reason, Actor By, DateTimeOffset At);

/// <summary>The head's confirmation of the reviewer's opinion, or the head's sending it back.</summary>
/// <param name="Confirmed">Whether the head confirmed it.</param>
/// <param name="By">The head.</param>
/// <param name="At">When.</param>
/// <param name="Note">The head's note, or the reason for sending it back.</param>
/// <param name="Round">The round.</param>
public sealed record HeadSignOff(bool Confirmed, Actor By, DateTimeOffset At, string? Note, int Round);

/// <summary>A collective discussion as recorded.</summary>
/// <param name="HeldOn">The day of the meeting.</param>
/// <param name="Participants">The heads who took part, presiding first.</param>
/// <param name="Conclusion">What they concluded.</param>
/// <param name="Summary">The minutes in brief, or null.</param>
/// <param name="Minutes">The minutes in the case file.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Round">The round it concerns.</param>
public sealed record CollectiveDiscussion(
    DateOnly HeldOn, IReadOnlyList<string> Participants, DiscussionConclusion Conclusion, string? Summary, SubmittedDocument Minutes, Actor By,
    DateTimeOffset At, int Round);
