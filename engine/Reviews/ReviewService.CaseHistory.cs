using System.Text.Json.Nodes;
using Fashen.Engine.Calendar;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>A case's history binds it: once a case has a review, in whatever state, every version of its decision is
/// held to that review. A version the review did not approve exactly gets no permit, whatever the case system now calls
/// it; relabelling a reviewed case (another kind of action or procedure, or a version the catalogue alone would not call
/// major) is recorded as an alert (规避审核嫌疑) for admins and supervisors.</summary>
public sealed partial class ReviewService
{
    /// <summary>The record type of a suspected evasion of review.</summary>
    public const string EvasionAlert = "alert.review_evasion";

    /// <summary>Lists the alerts in the record, newest first: suspected evasion of review (规避审核嫌疑) and reviews whose
    /// record failed the gate's check, for admins (and, later, supervisors).</summary>
    /// <param name="caller">Who asks: an admin.</param>
    /// <param name="limit">How many at most.</param>
    /// <returns>The alert entries the caller may see, or why not.</returns>
    public Outcome<IReadOnlyList<AuditEntry>> Alerts(Caller caller, int limit)
    {
        if (!caller.Has(Role.Admin))
        {
            return ReviewErrors.RoleRequired("查看预警", Role.Admin.ToChinese());
        }

        _recorder.FlushAsync().GetAwaiter().GetResult();
        return Outcome<IReadOnlyList<AuditEntry>>(_store.Alerts(Math.Clamp(limit, 1, 1000)).Where(e => e.Department is null || caller.CanAccess(e.Department)).ToList());
    }

    // The review the case already has, as its entries make it; null when the case has none.
    private Review? ExistingReview(BoundDecision decision) =>
        _store.LatestReviewFor(decision.Department, decision.CaseId) is { } entry ? Load(entry.ReviewId) : null;

    // How the decision stands against the review of its case.
    private static PriorReview Against(Review review, BoundDecision decision, string digest)
    {
        var same = review.Submission.Digest == digest;
        return new PriorReview(
            review.Id, review.State.ToWire(), review.State.ToChinese(), same, same ? [] : DecisionChange.Between(decision.Schema, review.Submission.Decision, decision));
    }

    // The one rule of case history: a case with a review is held to it, so a version the catalogue alone would call minor or
    // exempt is major (the gate, the reports of issued decisions and the classification answer all apply it).
    private static ClassificationKind HeldToItsReview(ClassificationKind kind) =>
        kind is ClassificationKind.Minor or ClassificationKind.Exempt ? ClassificationKind.Major : kind;

    // The answer for a case that already has a review. A version the catalogue alone would call minor or exempt is major
    // here: it may be issued only as the review approves it, so it is submitted as a new round of that review.
    private ClassificationResult HeldToReview(ClassificationResult result, Classifier classifier, PriorReview prior, ClassificationOptions options)
    {
        var differences = prior.SameVersion ? string.Empty : $"，本次决定与审核的版本不同：{Describe(prior.Differences)}";
        var next = prior.SameVersion && prior.State == ReviewState.Approved.ToWire()
            ? "审核同意的正是这一版本，可以申请作出决定。"
            : prior.SameVersion ? "须待该审核同意后才能作出。" : "须把本版本报送审核（作为该审核的新一轮），审核同意后才能作出。";
        var history = $"本案已有法制审核 {prior.ReviewId}（{prior.StateName}）{differences}。{next}";
        if (HeldToItsReview(result.Kind) == result.Kind)
        {
            return result with { Review = prior, Summary = result.Kind == ClassificationKind.Major ? $"{result.Summary}{history}" : result.Summary };
        }

        var defaults = classifier.Catalogue.Defaults;
        var deadline = options.MaterialsCompleteOn is { } complete && options.Calendar is { } calendar
            && calendar.AddWorkingDays(complete, defaults.DeadlineWorkingDays) is { MissingYear: null, FirstDay: { } first, LastDay: { } last }
                ? new ReviewDeadline(defaults.DeadlineWorkingDays, complete, first, last, defaults.ExtensionWorkingDays)
                : null;
        return result with
        {
            Kind = HeldToItsReview(result.Kind),
            Summary = $"按目录清单为“{result.Kind.ToChinese()}”，但案件一经报送审核，其决定无论怎样变化都须经审核同意后才能作出。{history}",
            Review = prior,
            Checklist = defaults.ReviewPoints,
            Materials = defaults.Materials,
            Deadline = deadline,
            DeadlineWorkingDays = defaults.DeadlineWorkingDays,
            ExtensionWorkingDays = defaults.ExtensionWorkingDays,
        };
    }

    // Another kind of action or procedure than the review's, or a version the catalogue alone would let through: what a case
    // system relabelling a reviewed case to get a permit without review would send.
    private static bool LooksLikeEvasion(PriorReview prior, ClassificationKind byCatalogue) =>
        !prior.SameVersion && (byCatalogue is ClassificationKind.Minor or ClassificationKind.Exempt || prior.Differences.Any(d => d.Key is "action" or "procedure"));

    private static PendingEntry Evasion(Caller caller, BoundDecision decision, string digest, PriorReview prior, ClassificationKind byCatalogue, string request)
    {
        var data = new JsonObject
        {
            ["caseId"] = decision.CaseId,
            ["request"] = request,
            ["reviewId"] = prior.ReviewId,
            ["reviewState"] = prior.State,
            ["digest"] = digest,
            ["classificationByCatalogue"] = byCatalogue.ToWire(),
            ["differences"] = new JsonArray(prior.Differences.Select(d => (JsonNode)new JsonObject
            {
                ["key"] = d.Key,
                ["label"] = d.Label,
                ["before"] = d.Before,
                ["after"] = d.After,
            }).ToArray()),
        };
        return new PendingEntry(EvasionAlert, prior.ReviewId, decision.Department, caller.Actor, CanonicalJson.Serialize(data));
    }

    private static string Describe(IReadOnlyList<DecisionChange> changes) => changes.Count == 0
        ? "决定的其他字段有变化"
        : string.Join("；", changes.Select(c => $"{c.Label}：{c.Before ?? "未提供"} → {c.After ?? "未提供"}"));
}
