namespace Fashen.Engine.Reviews;

/// <summary>What reviewers, counsel and heads do to a review.</summary>
public sealed partial class ReviewService
{
    /// <summary>Accepts the materials; the clock resumes. Each material still missing (<see cref="Unresolved"/>) must be said
    /// to be received on paper, with its pages, or not required, with the reason (FS5032); that is recorded with the acceptance.</summary>
    /// <param name="caller">A reviewer of the department.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="version">The version the reviewer saw.</param>
    /// <param name="resolutions">How each material still missing was resolved.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> AcceptMaterials(Caller caller, string reviewId, long version, IReadOnlyList<MaterialResolution>? resolutions = null)
    {
        var open = Open(caller, reviewId, version, Role.Reviewer, "受理送审材料");
        if (!open.Succeeded)
        {
            return open;
        }

        var review = open.Value!;
        if (AcceptProblem(review) is { } problem)
        {
            return problem;
        }

        var resolved = Resolved(review, resolutions ?? []);
        if (!resolved.Succeeded)
        {
            return resolved.Error!;
        }

        var (starts, due, unknown, provisional) = StartClock(Today, review.Deadline.TotalWorkingDays - review.Deadline.ConsumedWorkingDays, _catalogues.Current.Calendar);
        return Commit(review, version, caller.Actor, [new ReviewAccepted(
            Today, starts, due, review.Deadline.ConsumedWorkingDays, unknown, Automatic: false, resolved.Value!.Count > 0 ? resolved.Value : null, provisional)]);
    }

    /// <summary>The materials a reviewer must say how they were resolved before accepting a review without them: those the
    /// return named and those required but not attached, less those resolved before.</summary>
    /// <param name="review">The review.</param>
    /// <returns>The materials.</returns>
    public static IReadOnlyList<string> Unresolved(Review review) =>
        review.MissingMaterials.Concat(review.Submission.RequiredMaterials.Except(review.Submission.AttachedMaterials))
            .Distinct().Where(m => review.Resolutions.All(r => r.Material != m)).ToList();

    // Every material still missing resolved, and each resolution complete: pages for paper, a reason for a waiver.
    private static Outcome<IReadOnlyList<MaterialResolution>> Resolved(Review review, IReadOnlyList<MaterialResolution> given)
    {
        var kept = new List<MaterialResolution>();
        foreach (var material in Unresolved(review))
        {
            var resolution = given.FirstOrDefault(r => r.Material == material);
            var complete = resolution switch
            {
                { How: MaterialResolution.Paper, Pages: >= 1 and <= MaterialResolution.MaxPages } => resolution with { Reason = null },
                { How: MaterialResolution.Waived, Reason: { } reason } when reason.Trim().Length is > 0 and <= MaterialResolution.MaxReasonLength =>
                    resolution with { Pages = null, Reason = reason.Trim() },
                _ => null,
            };
            if (complete is null)
            {
                return ReviewErrors.MaterialUnresolved(material);
            }

            kept.Add(complete);
        }

        return kept;
    }

    /// <summary>Returns a review for missing materials (补正); the clock pauses.</summary>
    /// <param name="caller">A reviewer of the department.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="version">The version the reviewer saw.</param>
    /// <param name="missingMaterials">What must be supplied.</param>
    /// <param name="note">What else the case system should know, or null.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> ReturnForMaterials(Caller caller, string reviewId, long version, IReadOnlyList<string> missingMaterials, string? note)
    {
        var open = Open(caller, reviewId, version, Role.Reviewer, "退回补正");
        if (!open.Succeeded)
        {
            return open;
        }

        var review = open.Value!;
        if (ReturnProblem(review) is { } problem)
        {
            return problem;
        }

        var missing = missingMaterials.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().ToList();
        if (missing.Count == 0)
        {
            return ReviewErrors.TextRequired("需要补正的材料");
        }

        return Commit(review, version, caller.Actor, [new ReviewReturned(missing, Trimmed(note), ConsumedSoFar(review), Automatic: false)]);
    }

    /// <summary>Takes a review to review it.</summary>
    /// <param name="caller">A reviewer of the department who did not handle the case.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="version">The version the reviewer saw.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> Assign(Caller caller, string reviewId, long version)
    {
        var open = Open(caller, reviewId, version, Role.Reviewer, "领取审核");
        if (!open.Succeeded)
        {
            return open;
        }

        var review = open.Value!;
        if (TakeProblem(caller, review) is { } problem)
        {
            return problem;
        }

        return review.Reviewer is null ? Commit(review, version, caller.Actor, [new ReviewAssigned(caller.Actor)]) : review;
    }

    /// <summary>Records what the reviewer found for one checklist item; takes the review if nobody has.</summary>
    /// <param name="caller">The review's reviewer.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="version">The version the reviewer saw.</param>
    /// <param name="itemId">The checklist item.</param>
    /// <param name="status">What was found: pass or problem.</param>
    /// <param name="note">The note; required when a problem was found.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> RecordChecklist(Caller caller, string reviewId, long version, string itemId, ChecklistStatus status, string? note)
    {
        var working = Working(caller, reviewId, version, "填写审核要点");
        if (!working.Succeeded)
        {
            return working.Error!;
        }

        var (review, events) = working.Value;
        if (review.FindChecklistItem(itemId) is null)
        {
            return ReviewErrors.ChecklistItemNotFound(itemId);
        }

        if (status == ChecklistStatus.Pending)
        {
            return ReviewErrors.TextRequired("审核结果（无问题或有问题）");
        }

        if (status == ChecklistStatus.Problem && string.IsNullOrWhiteSpace(note))
        {
            return ReviewErrors.TextRequired("发现问题时的说明");
        }

        events.Add(new ChecklistItemRecorded(itemId, status, Trimmed(note)));
        return Commit(review, version, caller.Actor, events);
    }

    /// <summary>Adds a legal counsel's opinion.</summary>
    /// <param name="caller">Legal counsel of the department.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="text">The opinion.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> AddOpinion(Caller caller, string reviewId, string text)
    {
        var found = Get(caller, reviewId);
        if (!found.Succeeded)
        {
            return found;
        }

        var review = found.Value!;
        if (OpenProblem(caller, review, Role.Counsel, "提出法律顾问意见") is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ReviewErrors.TextRequired("法律顾问意见");
        }

        // Opinions only add to the review, so they never conflict with other changes: no version check.
        return Commit(review, review.Version, caller.Actor, [new OpinionAdded(text.Trim())]);
    }

    /// <summary>Asks the head to extend the deadline, once.</summary>
    /// <param name="caller">The review's reviewer.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="version">The version the reviewer saw.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> RequestExtension(Caller caller, string reviewId, long version, string reason)
    {
        var working = Working(caller, reviewId, version, "申请延长审核时限");
        if (!working.Succeeded)
        {
            return working.Error!;
        }

        var (review, events) = working.Value;
        if (ExtensionRequestProblem(review) is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ReviewErrors.TextRequired("延长理由");
        }

        events.Add(new ExtensionRequested(reason.Trim()));
        return Commit(review, version, caller.Actor, events);
    }

    /// <summary>Approves or refuses a pending extension request.</summary>
    /// <param name="caller">The head (负责人) of the department.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="version">The version the head saw.</param>
    /// <param name="approved">Whether to approve.</param>
    /// <param name="reason">The head's reason; required when refusing.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> DecideExtension(Caller caller, string reviewId, long version, bool approved, string? reason)
    {
        var open = Open(caller, reviewId, version, Role.Head, "批准延长审核时限");
        if (!open.Succeeded)
        {
            return open;
        }

        var review = open.Value!;
        if (ExtensionDecisionProblem(review) is { } problem)
        {
            return problem;
        }

        if (!approved && string.IsNullOrWhiteSpace(reason))
        {
            return ReviewErrors.TextRequired("不同意延长的理由");
        }

        var days = approved ? review.Deadline.ExtensionWorkingDays : 0;
        DateOnly? due = null;
        string? provisional = null;
        if (approved && review.Deadline.DueDate is { } current && _catalogues.Current.Calendar is { } calendar)
        {
            var count = calendar.AddWorkingDays(current, days);
            due = count.LastDay;

            // Counted on from a provisional due date, the new one is provisional too.
            provisional = count.ProvisionalReason ?? review.Deadline.DueProvisionalReason;
        }

        return Commit(review, version, caller.Actor, [new ExtensionDecided(approved, Trimmed(reason), days, due, provisional)]);
    }

    /// <summary>Records the outcome (审核意见): 同意, 纠正, 不同意 or 移送.</summary>
    /// <param name="caller">The review's reviewer, qualified to decide.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="version">The version the reviewer saw.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="reason">The written reason; required except for a plain 同意.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> Decide(Caller caller, string reviewId, long version, ReviewOutcome outcome, string? reason)
    {
        var working = Working(caller, reviewId, version, "作出审核意见");
        if (!working.Succeeded)
        {
            return working.Error!;
        }

        var (review, events) = working.Value;
        if (QualificationProblem(caller) is { } unqualified)
        {
            return unqualified;
        }

        var hasReason = !string.IsNullOrWhiteSpace(reason);
        if (outcome == ReviewOutcome.Approve)
        {
            if (ApproveProblems(review).FirstOrDefault() is { } notReady)
            {
                return notReady;
            }

            if (review.Checklist.Any(c => c.Status == ChecklistStatus.Problem) && !hasReason)
            {
                return ReviewErrors.ReasonRequired("同意（有审核要点发现问题时）");
            }
        }
        else if (!hasReason)
        {
            return ReviewErrors.ReasonRequired(outcome.ToChinese());
        }

        // Where the catalogue has the head confirm opinions, the reviewer's opinion waits for it (ReviewService.SignOff).
        events.Add(review.Submission.HeadConfirmation ? new OutcomeProposed(outcome, Trimmed(reason)) : new OutcomeRecorded(outcome, Trimmed(reason)));
        return Commit(review, version, caller.Actor, events);
    }

    /// <summary>Says what a caller may do to a review now and, for each thing they may not, why: the
    /// same checks the commands make, so a page can offer exactly what would be accepted.</summary>
    /// <param name="caller">Who asks; the review must be visible to them.</param>
    /// <param name="review">The review, as read.</param>
    /// <returns>For each action, null when allowed or the refusal it would get.</returns>
    public ReviewPermissions PermissionsOf(Caller caller, Review review) => new(
        Assign: OpenProblem(caller, review, Role.Reviewer, "领取审核") ?? TakeProblem(caller, review),
        RecordChecklist: OpenProblem(caller, review, Role.Reviewer, "填写审核要点") ?? WorkProblem(caller, review, "填写审核要点"),
        ReturnForMaterials: OpenProblem(caller, review, Role.Reviewer, "退回补正") ?? ReturnProblem(review),
        AcceptMaterials: OpenProblem(caller, review, Role.Reviewer, "受理送审材料") ?? AcceptProblem(review),
        RequestExtension: OpenProblem(caller, review, Role.Reviewer, "申请延长审核时限") ?? WorkProblem(caller, review, "申请延长审核时限") ?? ExtensionRequestProblem(review),
        DecideExtension: OpenProblem(caller, review, Role.Head, "批准延长审核时限") ?? ExtensionDecisionProblem(review),
        AddOpinion: OpenProblem(caller, review, Role.Counsel, "提出法律顾问意见"),
        Decide: OpenProblem(caller, review, Role.Reviewer, "作出审核意见") ?? WorkProblem(caller, review, "作出审核意见") ?? QualificationProblem(caller),
        Approve: ApproveProblems(review),
        AddPaperDocument: OpenProblem(caller, review, Role.Reviewer, "添加纸质材料扫描件"),
        Handover: HandoverProblem(caller, review),
        Confirm: ConfirmProblem(caller, review),
        RecordDiscussion: DiscussionProblem(caller, review));

    // The review, checked to exist, be visible, be open, be at the version seen, and the caller to have the role.
    private Outcome<Review> Open(Caller caller, string reviewId, long version, Role role, string action)
    {
        var found = Get(caller, reviewId);
        if (!found.Succeeded)
        {
            return found;
        }

        var review = found.Value!;
        if (OpenProblem(caller, review, role, action) is { } problem)
        {
            return problem;
        }

        return review.Version == version ? review : ReviewErrors.StaleVersion(version, review.Version);
    }

    // A review the caller may work on as its reviewer: accepted or under review, taken by them (or
    // taken now, when nobody had), and not a case they handled.
    private Outcome<(Review Review, List<ReviewEvent> Events)> Working(Caller caller, string reviewId, long version, string action)
    {
        var open = Open(caller, reviewId, version, Role.Reviewer, action);
        if (!open.Succeeded)
        {
            return open.Error!;
        }

        var review = open.Value!;
        if (WorkProblem(caller, review, action) is { } problem)
        {
            return problem;
        }

        List<ReviewEvent> events = review.Reviewer is null ? [new ReviewAssigned(caller.Actor)] : [];
        return (review, events);
    }

    // The checks below are shared by the commands above and by PermissionsOf, so that what the pages
    // offer and what the commands accept can never differ. None of them looks at the version.

    // The caller has the role, and the review has not ended.
    private static ReviewError? OpenProblem(Caller caller, Review review, Role role, string action)
    {
        if (!caller.Has(role))
        {
            return ReviewErrors.RoleRequired(action, role.ToChinese());
        }

        return review.State.IsClosed() ? ReviewErrors.ReviewClosed(review.State.ToChinese()) : null;
    }

    // A review the caller may work on as its reviewer: accepted or under review, not a case they
    // handled, and taken by them or by nobody (then working on it takes it).
    private static ReviewError? WorkProblem(Caller caller, Review review, string action)
    {
        if (review.State is not (ReviewState.Accepted or ReviewState.UnderReview))
        {
            return ReviewErrors.WrongState(action, review.State.ToChinese());
        }

        return TakeProblem(caller, review);
    }

    // 审办分离: whoever submitted or handled the case may not review it; and one reviewer per review. The submission's
    // people were resolved to accounts, so accounts are compared; a review submitted before that compares names as
    // people are, without titles in brackets, spaces or invisible characters.
    private static ReviewError? TakeProblem(Caller caller, Review review)
    {
        if (HandledCase(caller.Actor, review))
        {
            return ReviewErrors.SeparationOfDuties(caller.Actor.Name);
        }

        return review.Reviewer is { } reviewer && reviewer.Id != caller.Actor.Id ? ReviewErrors.AssignedToAnother(reviewer.Name) : null;
    }

    // Whether a person submitted or handled the case.
    private static bool HandledCase(Records.Actor person, Review review) => review.HandlerAccounts is { } accounts
        ? accounts.Contains(person.Id)
        : review.HandledBy.Append(review.SubmitterName).Select(LegacyName).Contains(LegacyName(person.Name));

    // 《行政处罚法》第五十八条第二款: a first-time reviewer must hold the legal-profession qualification to decide.
    private static ReviewError? QualificationProblem(Caller caller) =>
        caller.FirstTimeReviewer && !caller.LegalQualification ? ReviewErrors.QualificationRequired(caller.Actor.Name) : null;

    // What must be in place before 同意: every checklist item completed, and counsel heard where a rule requires it.
    private static List<ReviewError> ApproveProblems(Review review)
    {
        var problems = new List<ReviewError>();
        var pending = review.Checklist.Where(c => c.Status == ChecklistStatus.Pending).Select(c => c.Item.Title).ToList();
        if (pending.Count > 0)
        {
            problems.Add(ReviewErrors.ChecklistIncomplete(string.Join("、", pending)));
        }

        if (review.CounselRequired && !review.Opinions.Any(o => o.Round == review.Round))
        {
            problems.Add(ReviewErrors.CounselOpinionRequired(string.Join("、", review.Submission.MatchedRules.Where(r => r.RequiresCounselOpinion).Select(r => r.Id))));
        }

        return problems;
    }

    private static ReviewError? AcceptProblem(Review review) => review.State != ReviewState.Returned
        ? ReviewErrors.WrongState("受理材料（只有退回补正的审核需要受理）", review.State.ToChinese())
        : null;

    private static ReviewError? ReturnProblem(Review review) => review.State is not (ReviewState.Accepted or ReviewState.UnderReview)
        ? ReviewErrors.WrongState("退回补正", review.State.ToChinese())
        : null;

    private static ReviewError? ExtensionRequestProblem(Review review)
    {
        if (review.Deadline.ExtensionWorkingDays == 0)
        {
            return ReviewErrors.ExtensionNotAvailable("本部门目录清单规定审核时限不得延长。");
        }

        return review.Extension is not null ? ReviewErrors.ExtensionAlreadyUsed() : null;
    }

    private static ReviewError? ExtensionDecisionProblem(Review review) => review.Extension is not { Decision: null }
        ? ReviewErrors.ExtensionNotAvailable("本审核没有待批准的延长申请。")
        : null;

    private int ConsumedSoFar(Review review)
    {
        var deadline = review.Deadline;
        if (!deadline.Running || deadline.MaterialsCompleteOn is not { } since || _catalogues.Current.Calendar is not { } calendar)
        {
            return deadline.ConsumedWorkingDays;
        }

        var (count, _) = calendar.CountWorkingDays(since, Today);
        return Math.Min(deadline.TotalWorkingDays, deadline.ConsumedWorkingDays + (count ?? 0));
    }

    // A name as an older submission wrote it, reduced to the person: NFKC, no bracketed title or note, no spaces or
    // invisible characters (李敏（科长） and 李 敏 are 李敏).
    private static string LegacyName(string name)
    {
        var text = name.Normalize(System.Text.NormalizationForm.FormKC);
        var bracket = text.IndexOfAny(['(', '（', '[', '【']);
        text = bracket > 0 ? text[..bracket] : text;
        return string.Concat(text.EnumerateRunes().Where(r => !System.Text.Rune.IsWhiteSpace(r) && Access.PersonNames.Invisible(r.ToString()) is null));
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
