namespace Fashen.Engine.Reviews;

/// <summary>What a caller may do to a review now: for each action, null when it would be accepted, or
/// the refusal it would get. Made by <see cref="ReviewService.PermissionsOf"/> from the same checks as
/// the commands; the version the caller saw is not considered.</summary>
/// <param name="Assign">Taking the review.</param>
/// <param name="RecordChecklist">Recording a checklist item.</param>
/// <param name="ReturnForMaterials">Returning it for missing materials (补正).</param>
/// <param name="AcceptMaterials">Accepting the materials of a returned review.</param>
/// <param name="RequestExtension">Asking for an extension.</param>
/// <param name="DecideExtension">Approving or refusing an extension request.</param>
/// <param name="AddOpinion">Adding a counsel opinion.</param>
/// <param name="Decide">Recording any outcome.</param>
/// <param name="Approve">What else 同意 needs; empty when nothing is missing.</param>
/// <param name="AddPaperDocument">Adding a scan of a document received on paper to the case file.</param>
/// <param name="Handover">Giving the review back or transferring it to another reviewer.</param>
/// <param name="Confirm">Confirming the reviewer's opinion, or sending it back (the head).</param>
/// <param name="RecordDiscussion">Recording the agency heads' collective discussion.</param>
public sealed record ReviewPermissions(
    ReviewError? Assign,
    ReviewError? RecordChecklist,
    ReviewError? ReturnForMaterials,
    ReviewError? AcceptMaterials,
    ReviewError? RequestExtension,
    ReviewError? DecideExtension,
    ReviewError? AddOpinion,
    ReviewError? Decide,
    IReadOnlyList<ReviewError> Approve,
    ReviewError? AddPaperDocument = null,
    ReviewError? Handover = null,
    ReviewError? Confirm = null,
    ReviewError? RecordDiscussion = null)
{
    /// <summary>Gets a value indicating whether 同意 would be accepted now (a reason aside).</summary>
    public bool CanApprove => Decide is null && Approve.Count == 0;
}
