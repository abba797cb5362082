using System.Text.Json.Nodes;
using Fashen.Engine.Access;
using Fashen.Engine.Calendar;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Engine.Documents;
using Fashen.Engine.Recording;
using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>Classification, submission and resubmission.</summary>
public sealed partial class ReviewService
{
    /// <summary>Classifies a decision and records that it was asked; notices when a case's classification changes.</summary>
    /// <param name="caller">Who asks: a case system or a person of the department.</param>
    /// <param name="decision">The decision as sent.</param>
    /// <param name="materialsCompleteOn">For the deadline preview: the day the materials would be complete; null for today.</param>
    /// <returns>The classification, or why not, once the record of it is durable.</returns>
    public async Task<Outcome<ClassificationResult>> ClassifyAsync(Caller caller, Decision decision, DateOnly? materialsCompleteOn = null)
    {
        var bound = Bind(caller, decision);
        if (!bound.Succeeded)
        {
            return bound.Error!;
        }

        var (set, choice, boundDecision) = bound.Value!;
        var classifier = choice.Classifier;
        var result = classifier.Classify(boundDecision, new ClassificationOptions(materialsCompleteOn ?? Today, set.Calendar));
        result = result with { Catalogue = result.Catalogue with { ChosenBy = choice.Reason } };
        var digest = DecisionCanonicalForm.Digest(boundDecision);
        if (result.Kind == ClassificationKind.Unlawful)
        {
            await _recorder.RecordAsync(new PendingClassification(_clock.GetUtcNow(), Unlawful(caller, boundDecision, digest, result, "判定"), null, []));
            return ReviewErrors.UnlawfulForm(result.Violations);
        }

        PendingEntry? alert = null;
        if (ExistingReview(boundDecision) is { } existing)
        {
            var prior = Against(existing, boundDecision, digest);
            alert = LooksLikeEvasion(prior, result.Kind) ? Evasion(caller, boundDecision, digest, prior, result.Kind, "判定") : null;
            result = HeldToReview(result, classifier, prior, new ClassificationOptions(materialsCompleteOn ?? Today, set.Calendar));
        }

        // Answered now; recorded within a fraction of a second, with others (ClassificationRecorder).
        var record = new ClassificationRecord(boundDecision.Department, boundDecision.CaseId, result.Kind.ToWire(), result.MatchedRules.Select(r => r.Id).ToList(), digest);
        var entry = new PendingEntry("decision.classified", null, boundDecision.Department, caller.Actor, CanonicalJson.Serialize(ClassifiedData(record, result, boundDecision)));
        await _recorder.RecordAsync(new PendingClassification(_clock.GetUtcNow(), entry, record, alert is null ? [] : [alert]));
        return result;
    }

    /// <summary>Submits a major decision for review, with the materials attached. A case has one review: the decision of a
    /// case already reviewed is that review's, exactly as it stands when identical, or as a new round when changed.</summary>
    /// <param name="caller">The case system.</param>
    /// <param name="request">The decision and who submits it.</param>
    /// <param name="idempotencyKey">The request's idempotency key, or null.</param>
    /// <returns>The review and whether this request created it, or why not.</returns>
    public Outcome<Submitted> Submit(Caller caller, SubmissionRequest request, string? idempotencyKey)
    {
        if (!caller.IsCaseSystem)
        {
            return ReviewErrors.RoleRequired("报送法制审核", "案件系统");
        }

        var requestHash = CanonicalJson.Hash(request.Fingerprint);
        if (Retried("submit", caller, idempotencyKey, requestHash) is { } retried)
        {
            return Created(retried);
        }

        var bound = Bind(caller, request.Decision);
        if (!bound.Succeeded)
        {
            return bound.Error!;
        }

        var (set, choice, decision) = bound.Value!;
        var classifier = choice.Classifier;
        var result = classifier.Classify(decision, ClassificationOptions.Default with { NearMisses = 0 });
        var existing = result.Kind != ClassificationKind.Unlawful ? ExistingReview(decision) : null;
        var documents = Documents(caller, request, existing);
        if (!documents.Succeeded)
        {
            return documents.Error!;
        }

        if (existing is not null)
        {
            return SubmitToExisting(caller, request, idempotencyKey, requestHash, set, classifier, decision, result, existing, documents.Value!);
        }

        if (RequireMajor(caller, decision, result, "报送") is { } notMajor)
        {
            return notMajor;
        }

        var people = Named(decision.Department, request);
        if (!people.Succeeded)
        {
            return people.Error!;
        }

        var (submitter, handlers) = people.Value;
        var today = Today;
        var submission = Submission(classifier, decision, result, request.Materials, documents.Value!);
        var submitted = new ReviewSubmitted(
            NewId("R", today), decision.CaseId, decision.Department, today, submission, submitter.DisplayName, handlers.Select(h => h.DisplayName).Distinct().ToList(),
            submitter.Id, handlers.Select(h => h.Id).Distinct().ToList());
        var now = _clock.GetUtcNow();
        var review = Review.Replay([(Provisional(caller.Actor, now), submitted)]);
        var record = new ClassificationRecord(decision.Department, decision.CaseId, result.Kind.ToWire(), result.MatchedRules.Select(r => r.Id).ToList(), submission.Digest);
        var extra = Reclassification(record, review.Id, caller.Actor) is { } reclassified ? [reclassified] : Array.Empty<PendingEntry>();
        var idempotency = idempotencyKey is null ? null : new IdempotencyRecord("submit", caller.Actor.Id, idempotencyKey, requestHash, review.Id);
        var created = Commit(review, 0, caller.Actor, [submitted, MaterialsCheck(review, today, automatic: true, set.Calendar)], applied: 1, extra, idempotency, record, now);
        if (created.Error is { Code: "FS5004" })
        {
            // Another request opened a review of this case meanwhile: this request's retry, or the same decision sent twice
            // (then that review answers, as for any identical submission), or another version of it (refused).
            if (Retried("submit", caller, idempotencyKey, requestHash) is { } retriedMeanwhile)
            {
                return Created(retriedMeanwhile);
            }

            return ExistingReview(decision) is { } meanwhile && meanwhile.Submission.IsSame(submission.Digest, submission.DocumentsDigest)
                ? new Submitted(meanwhile, Created: false)
                : created.Error;
        }

        return Created(created);
    }

    // The decision of a case that already has a review. Identical to the version under review: that review, as it stands
    // (an approved decision can then be issued). Changed while the review is open: refused, the review's own resubmission
    // is the way. Changed after it ended: a new round of the same review, with what changed shown to the reviewer.
    private Outcome<Submitted> SubmitToExisting(
        Caller caller, SubmissionRequest request, string? idempotencyKey, string requestHash, CatalogueSet set, Classifier classifier,
        BoundDecision decision, ClassificationResult result, Review existing, IReadOnlyList<SubmittedDocument> documents)
    {
        // The review may be this very request's, written by a retry that got in first.
        if (Retried("submit", caller, idempotencyKey, requestHash) is { } retried)
        {
            return Created(retried);
        }

        // The same decision with the same documents; a document changed is a changed submission, as a fact changed is.
        var digest = DecisionCanonicalForm.Digest(decision);
        if (existing.Submission.IsSame(digest, SubmittedDocuments.Digest(documents)))
        {
            return new Submitted(existing, Created: false);
        }

        if (!existing.State.IsClosed())
        {
            return ReviewErrors.ReviewAlreadyOpen(decision.CaseId, existing.Id);
        }

        var held = HeldToReview(result, classifier, Against(existing, decision, digest), ClassificationOptions.Default);
        if (RequireMajor(caller, decision, held, "报送") is { } notReviewable)
        {
            return notReviewable;
        }

        var round = NewRound(caller, existing, classifier, decision, held, request, documents, "submit", idempotencyKey, requestHash, set.Calendar);
        return round.Succeeded ? new Submitted(round.Value!, Created: false) : round.Error!;
    }

    private static Outcome<Submitted> Created(Outcome<Review> review) =>
        review.Succeeded ? new Submitted(review.Value!, Created: true) : review.Error!;

    /// <summary>Resubmits a review's decision: after 补正 with the missing materials, after 纠正 with the corrected decision.</summary>
    /// <param name="caller">The case system.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="request">The decision now and the materials attached.</param>
    /// <param name="idempotencyKey">The request's idempotency key, or null.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> Resubmit(Caller caller, string reviewId, SubmissionRequest request, string? idempotencyKey)
    {
        if (!caller.IsCaseSystem)
        {
            return ReviewErrors.RoleRequired("重新报送", "案件系统");
        }

        var found = Get(caller, reviewId);
        if (!found.Succeeded)
        {
            return found;
        }

        var review = found.Value!;
        var requestHash = CanonicalJson.Hash(request.Fingerprint);
        if (Retried($"resubmit:{reviewId}", caller, idempotencyKey, requestHash) is { } retried)
        {
            return retried;
        }

        if (review.State.IsClosed())
        {
            return ReviewErrors.ReviewClosed(review.State.ToChinese());
        }

        if (review.State is not (ReviewState.Returned or ReviewState.Correcting))
        {
            return ReviewErrors.WrongState("重新报送（只有退回补正或纠正后才需要重新报送）", review.State.ToChinese());
        }

        var bound = Bind(caller, request.Decision);
        if (!bound.Succeeded)
        {
            return bound.Error!;
        }

        var (set, choice, decision) = bound.Value!;
        var classifier = choice.Classifier;
        if (decision.CaseId != review.CaseId || decision.Department != review.Department)
        {
            return ReviewErrors.CaseMismatch($"{review.Department}/{review.CaseId}");
        }

        // Whatever the catalogue alone would say of the corrected version, it is this review's to decide.
        var result = classifier.Classify(decision, ClassificationOptions.Default with { NearMisses = 0 });
        result = result.Kind == ClassificationKind.Unlawful
            ? result
            : HeldToReview(result, classifier, Against(review, decision, DecisionCanonicalForm.Digest(decision)), ClassificationOptions.Default);
        if (RequireMajor(caller, decision, result, "重新报送") is { } notMajor)
        {
            return notMajor;
        }

        var documents = Documents(caller, request, review);
        if (!documents.Succeeded)
        {
            return documents.Error!;
        }

        var correcting = review.State == ReviewState.Correcting;
        return Resubmission(
            caller, review, classifier, decision, result, request, documents.Value!, correcting ? review.Round + 1 : review.Round, correcting,
            $"resubmit:{reviewId}", idempotencyKey, requestHash, set.Calendar);
    }

    // A changed decision for a review that has ended: its next round.
    private Outcome<Review> NewRound(
        Caller caller, Review review, Classifier classifier, BoundDecision decision, ClassificationResult result, SubmissionRequest request,
        IReadOnlyList<SubmittedDocument> documents, string scope, string? idempotencyKey, string requestHash, WorkingCalendar? calendar) =>
        Resubmission(caller, review, classifier, decision, result, request, documents, review.Round + 1, newRound: true, scope, idempotencyKey, requestHash, calendar);

    // The decision (re)submitted to a review, with what changed since the version before it, then the materials check.
    private Outcome<Review> Resubmission(
        Caller caller, Review review, Classifier classifier, BoundDecision decision, ClassificationResult result, SubmissionRequest request,
        IReadOnlyList<SubmittedDocument> documents, int round, bool newRound, string scope, string? idempotencyKey, string requestHash, WorkingCalendar? calendar)
    {
        var today = Today;
        var submission = Submission(classifier, decision, result, request.Materials, documents);
        var before = review.Submission;
        var resubmitted = new ReviewResubmitted(
            round,
            newRound,
            today,
            submission,
            DecisionChange.Between(classifier.Catalogue.Schema, before.Decision, decision),
            submission.AttachedMaterials.Except(before.AttachedMaterials).ToList(),
            before.AttachedMaterials.Except(submission.AttachedMaterials).ToList(),
            SubmittedDocuments.Changes(before.Documents, submission.Documents));

        var record = new ClassificationRecord(decision.Department, decision.CaseId, result.Kind.ToWire(), result.MatchedRules.Select(r => r.Id).ToList(), submission.Digest);
        var extra = Reclassification(record, review.Id, caller.Actor) is { } reclassified ? [reclassified] : Array.Empty<PendingEntry>();
        var idempotency = idempotencyKey is null ? null : new IdempotencyRecord(scope, caller.Actor.Id, idempotencyKey, requestHash, review.Id);
        var version = review.Version;

        // Apply the resubmission first so the materials check sees the new round and materials.
        var now = _clock.GetUtcNow();
        review.Apply(Provisional(caller.Actor, now), resubmitted);
        return Commit(review, version, caller.Actor, [resubmitted, MaterialsCheck(review, today, automatic: true, calendar)], applied: 1, extra, idempotency, record, now);
    }

    // The submitter and handlers a submission names, as people of the department known to the service.
    private Outcome<(Account Submitter, List<Account> Handlers)> Named(string department, SubmissionRequest request)
    {
        var accounts = _people.Accounts();
        var submitter = PeopleRegister.Resolve(accounts, department, request.SubmittedBy);
        if (submitter.Person is not { } person)
        {
            return ReviewErrors.PersonNotKnown($"报送人（submittedBy）“{request.SubmittedBy}”", submitter.Problem!, string.Join("、", submitter.Suggestions));
        }

        var handlers = new List<Account>();
        foreach (var name in request.HandledBy)
        {
            var handler = PeopleRegister.Resolve(accounts, department, name);
            if (handler.Person is null)
            {
                return ReviewErrors.PersonNotKnown($"承办人（handledBy）“{name}”", handler.Problem!, string.Join("、", handler.Suggestions));
            }

            handlers.Add(handler.Person);
        }

        return (person, handlers);
    }

    private Outcome<Review>? Retried(string scope, Caller caller, string? key, string requestHash)
    {
        if (key is null || _store.FindIdempotency(scope, caller.Actor.Id, key) is not { } earlier)
        {
            return null;
        }

        return earlier.RequestHash != requestHash ? ReviewErrors.IdempotencyKeyReused(key) : Get(caller, earlier.ResourceId);
    }

    // Every required material attached: accepted, and the clock (re)starts the next working day.
    // Otherwise returned for 补正 with the list of what is missing, and the clock stays paused.
    private static ReviewEvent MaterialsCheck(Review review, DateOnly today, bool automatic, WorkingCalendar? calendar)
    {
        var missing = review.Submission.RequiredMaterials.Except(review.Submission.AttachedMaterials).ToList();
        if (missing.Count > 0)
        {
            return new ReviewReturned(missing, "送审材料不全，请补正后重新报送。", review.Deadline.ConsumedWorkingDays, automatic);
        }

        var (starts, due, unknown, provisional) = StartClock(today, review.Deadline.TotalWorkingDays - review.Deadline.ConsumedWorkingDays, calendar);
        return new ReviewAccepted(today, starts, due, review.Deadline.ConsumedWorkingDays, unknown, automatic, DueProvisionalReason: provisional);
    }

    // The clock from the day the materials are complete: official where the year's arrangement is loaded, provisional (暂定)
    // from the statutory holidays where it is not, and recomputed when it is loaded (RecomputeDeadlines).
    internal static (DateOnly? StartsOn, DateOnly? DueDate, string? Unknown, string? Provisional) StartClock(
        DateOnly completeOn, int remainingWorkingDays, WorkingCalendar? calendar)
    {
        if (calendar is null)
        {
            return (null, null, "未载入节假日安排，无法按工作日计算截止日期。", null);
        }

        if (remainingWorkingDays <= 0)
        {
            return (null, completeOn, null, null);
        }

        var count = calendar.AddWorkingDays(completeOn, remainingWorkingDays);
        return count.MissingYear is { } year
            ? (null, null, $"{year} 年的法定节假日不在历法范围内，无法计算截止日期。", null)
            : (count.FirstDay, count.LastDay, null, count.ProvisionalReason);
    }

    // The decision checked against the catalogue version in force on its governing date. The set is
    // read once: everything the request does after this uses the same catalogues and calendar, even
    // when a reload swaps in new ones meanwhile.
    private Outcome<(CatalogueSet Set, VersionChoice Choice, BoundDecision Decision)> Bind(Caller caller, Decision decision)
    {
        var set = _catalogues.Current;
        var choice = set.Choose(decision, Today);
        if (choice.Value is not { } chosen)
        {
            return ReviewErrors.DecisionInvalid(choice.Diagnostics);
        }

        var department = chosen.Classifier.Catalogue.Id;
        if (!caller.CanAccess(department))
        {
            return ReviewErrors.DepartmentNotAllowed(department);
        }

        var bound = DecisionBinder.Bind(decision, chosen.Classifier.Catalogue.Schema);
        return bound.Value is { } boundDecision ? (set, chosen, boundDecision) : ReviewErrors.DecisionInvalid(bound.Diagnostics);
    }

    // Only a major decision is submitted. One that breaks a form the law requires is refused, and the attempt recorded.
    private ReviewError? RequireMajor(Caller caller, BoundDecision decision, ClassificationResult result, string request)
    {
        switch (result.Kind)
        {
            case ClassificationKind.Major:
                return null;
            case ClassificationKind.Unlawful:
                _store.Append(new AppendBatch(_clock.GetUtcNow(), [Unlawful(caller, decision, DecisionCanonicalForm.Digest(decision), result, request)]));
                return ReviewErrors.UnlawfulForm(result.Violations);
            case ClassificationKind.Undetermined:
                return ReviewErrors.Undetermined(string.Join("、", result.MissingFacts.Select(m => m.Label)));
            default:
                return ReviewErrors.NotMajor(result.Kind.ToChinese());
        }
    }

    // The record of a decision refused for breaking a form the law requires: what was asked, and which forms.
    private static PendingEntry Unlawful(Caller caller, BoundDecision decision, string digest, ClassificationResult result, string request)
    {
        var data = new JsonObject
        {
            ["caseId"] = decision.CaseId,
            ["request"] = request,
            ["action"] = decision.Action.ToWire(),
            ["procedure"] = decision.Procedure.ToWire(),
            ["digest"] = digest,
            ["forms"] = new JsonArray(result.Violations.Select(v => (JsonNode)new JsonObject
            {
                ["id"] = v.FormId,
                ["basis"] = v.Law ?? string.Join("、", v.Basis),
                ["explanation"] = v.Explanation,
            }).ToArray()),
        };
        return new PendingEntry("decision.unlawful", null, decision.Department, caller.Actor, CanonicalJson.Serialize(data));
    }

    // The files a submission names, each found among the files kept and brought in by this case system (or already part of
    // this case's review), all together within the per-review limit.
    private Outcome<IReadOnlyList<SubmittedDocument>> Documents(Caller caller, SubmissionRequest request, Review? existing)
    {
        var documents = new List<SubmittedDocument>();
        foreach (var reference in request.Documents ?? [])
        {
            var known = existing?.Submission.Documents?.Any(d => d.Sha256 == reference.Sha256) == true;
            if (_files?.FindFile(reference.Sha256) is not { } file || (!_files.Holds(file.Sha256, caller.Actor.Id) && !known))
            {
                return ReviewErrors.FileNotAttached(reference.Material, reference.FileName, reference.Sha256);
            }

            documents.Add(new SubmittedDocument(reference.Material, file.Sha256, reference.FileName, file.Size, file.ContentType, file.Held));
        }

        var total = documents.Where(d => d.Held).DistinctBy(d => d.Sha256).Sum(d => d.Size);
        return total > _options.MaxReviewFileBytes ? ReviewErrors.FilesTooLarge(total, _options.MaxReviewFileBytes) : documents;
    }

    private static SubmittedDecision Submission(
        Classifier classifier, BoundDecision decision, ClassificationResult result, IReadOnlyList<string> materials, IReadOnlyList<SubmittedDocument> documents) => new(
        JsonNode.Parse(DecisionCanonicalForm.ToJson(decision))!,
        DecisionCanonicalForm.Digest(decision),
        new CatalogueRef(classifier.Catalogue.Id, classifier.Catalogue.Version, classifier.Catalogue.Revision, classifier.Catalogue.Commit),
        result.MatchedRules.Select(r => new RuleSummary(r.Id, r.Title, r.Basis, r.Explanation, r.RequiresCounselOpinion, r.RequiresCollectiveDiscussion)).ToList(),
        result.Checklist.Select(c => new ChecklistDefinition(c.Id, c.Title, c.Question, c.Source)).ToList(),
        result.Materials,
        materials.Concat(documents.Select(d => d.Material)).Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().ToList(),
        result.DeadlineWorkingDays ?? classifier.Catalogue.Defaults.DeadlineWorkingDays,
        result.ExtensionWorkingDays,
        documents.Count > 0 ? documents : null,
        SubmittedDocuments.Digest(documents),
        classifier.Catalogue.Defaults.HeadConfirmation);

    // A case whose classification or matched rules changed since it was last classified gets a record of the change.
    private PendingEntry? Reclassification(ClassificationRecord now, string? reviewId, Actor actor) =>
        Recording.Reclassification.Entry(_store.LastClassification(now.Department, now.CaseId), now, reviewId, actor);

    // The decision itself goes with its classification: the supervisor's signals read its amounts and party.
    private static JsonObject ClassifiedData(ClassificationRecord record, ClassificationResult result, BoundDecision decision) => new()
    {
        ["caseId"] = record.CaseId,
        ["action"] = decision.Action.ToWire(),
        ["decision"] = DecisionCanonicalForm.ToNode(decision),
        ["classification"] = record.Classification,
        ["rules"] = Strings(record.RuleIds),
        ["missingFacts"] = Strings(result.MissingFacts.Select(m => m.Key)),
        ["digest"] = record.Digest,
        ["catalogue"] = new JsonObject { ["id"] = result.Catalogue.Id, ["version"] = result.Catalogue.Version, ["revision"] = result.Catalogue.Revision },
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}

/// <summary>A submission's review, and whether the submission created it.</summary>
/// <param name="Review">The review.</param>
/// <param name="Created">Whether this request (or the first of its retries) created the review; false when the case's
/// existing review was answered, as it stood or with a new round.</param>
public sealed record Submitted(Review Review, bool Created);

/// <summary>A submission or resubmission as a case system sends it.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Materials">The names of the materials attached.</param>
/// <param name="SubmittedBy">The case handler submitting it.</param>
/// <param name="HandledBy">Everyone who handled the case; none of them may review it.</param>
/// <param name="Fingerprint">The request's content as canonical text, to recognise a retry.</param>
/// <param name="Documents">The files named for the materials, or none.</param>
public sealed record SubmissionRequest(
    Decision Decision,
    IReadOnlyList<string> Materials,
    string SubmittedBy,
    IReadOnlyList<string> HandledBy,
    string Fingerprint,
    IReadOnlyList<Documents.DocumentReference>? Documents = null);
