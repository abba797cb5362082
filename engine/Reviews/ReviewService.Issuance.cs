using System.Text.Json.Nodes;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Engine.Documents;
using Fashen.Engine.Integrity;
using Fashen.Engine.Permits;
using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>The issuance gate: only a decision that is not major, or that a review approved exactly as
/// it is now, may be issued.</summary>
public sealed partial class ReviewService
{
    /// <summary>Asks whether a decision may be issued now; a yes comes with a signed permit.</summary>
    /// <param name="caller">The case system.</param>
    /// <param name="decision">The decision it wants to issue.</param>
    /// <param name="documents">The files that go with it, by material, as in a submission; null when the request names none.</param>
    /// <param name="fingerprint">The request as canonical text, to recognise a retry.</param>
    /// <param name="idempotencyKey">The request's idempotency key, or null.</param>
    /// <returns>The answer, or why the request itself was refused.</returns>
    public Outcome<IssuanceAnswer> RequestIssuance(
        Caller caller, Decision decision, IReadOnlyList<DocumentReference>? documents, string fingerprint, string? idempotencyKey)
    {
        if (!caller.IsCaseSystem)
        {
            return ReviewErrors.RoleRequired("申请作出决定", "案件系统");
        }

        var requestHash = CanonicalJson.Hash(fingerprint);
        if (idempotencyKey is not null && _store.FindIdempotency("issue", caller.Actor.Id, idempotencyKey) is { } earlier)
        {
            return earlier.RequestHash != requestHash ? ReviewErrors.IdempotencyKeyReused(idempotencyKey) : Retry(earlier);
        }

        var bound = Bind(caller, decision);
        if (!bound.Succeeded)
        {
            return bound.Error!;
        }

        var (_, choice, boundDecision) = bound.Value!;
        var classifier = choice.Classifier;
        var result = classifier.Classify(boundDecision, ClassificationOptions.Default with { NearMisses = 0 });
        var digest = DecisionCanonicalForm.Digest(boundDecision);
        var documentsDigest = SubmittedDocuments.Digest(documents);

        // A case with a review is held to it whatever the catalogue alone would say of this version (case history).
        var alerts = new List<PendingEntry>();
        if (result.Kind != ClassificationKind.Unlawful && ExistingReview(boundDecision) is { } existing)
        {
            var prior = Against(existing, boundDecision, digest);
            if (LooksLikeEvasion(prior, result.Kind))
            {
                alerts.Add(Evasion(caller, boundDecision, digest, prior, result.Kind, "申请作出决定"));
            }

            result = result with { Kind = HeldToItsReview(result.Kind) };
        }

        string? reviewId = null;
        ReviewError? refusal = result.Kind switch
        {
            ClassificationKind.Undetermined => ReviewErrors.Undetermined(string.Join("、", result.MissingFacts.Select(m => m.Label))),
            ClassificationKind.Unlawful => ReviewErrors.UnlawfulForm(result.Violations),
            ClassificationKind.Major => MajorRefusal(boundDecision, digest, documents, classifier, out reviewId),
            _ => null,
        };

        var at = _clock.GetUtcNow();
        if (refusal is { Code: "FS5026" })
        {
            alerts.Add(new PendingEntry("alert.record_broken", reviewId, boundDecision.Department, caller.Actor, CanonicalJson.Serialize(new JsonObject
            {
                ["caseId"] = boundDecision.CaseId,
                ["reviewId"] = reviewId,
                ["problem"] = refusal.Message,
            })));
        }

        if (refusal is not null)
        {
            var refused = new JsonObject
            {
                ["caseId"] = boundDecision.CaseId,
                ["digest"] = digest,
                ["documentsDigest"] = documentsDigest,
                ["classification"] = result.Kind.ToWire(),
                ["code"] = refusal.Code,
                ["reason"] = refusal.Message,
                ["reviewId"] = reviewId,
            };
            _store.Append(new AppendBatch(at, [new PendingEntry("issuance.refused", reviewId, boundDecision.Department, caller.Actor, CanonicalJson.Serialize(refused)), .. alerts]));
            return new IssuanceAnswer(false, result.Kind.ToWire(), digest, reviewId, [refusal], null);
        }

        var claims = new PermitClaims(
            NewId("P", Today), "fashen", at.ToUnixTimeSeconds(), boundDecision.CaseId, boundDecision.Department, digest,
            result.Kind.ToWire(), reviewId, classifier.Catalogue.Revision, documentsDigest);
        var permit = new StoredPermit(claims.PermitId, _signer.Sign(claims), claims);
        var data = new JsonObject
        {
            ["permitId"] = claims.PermitId,
            ["caseId"] = claims.CaseId,
            ["digest"] = digest,
            ["documentsDigest"] = documentsDigest,
            ["classification"] = claims.Classification,
            ["reviewId"] = reviewId,
        };
        var idempotency = idempotencyKey is null ? null : new IdempotencyRecord("issue", caller.Actor.Id, idempotencyKey, requestHash, permit.Id);
        var outcome = _store.Append(new AppendBatch(
            at, [new PendingEntry("permit.issued", reviewId, boundDecision.Department, caller.Actor, CanonicalJson.Serialize(data))],
            Idempotency: idempotency, Permit: permit));
        if (outcome.Status == AppendStatus.IdempotencyConflict && idempotency is not null
            && _store.FindIdempotency("issue", caller.Actor.Id, idempotency.Key) is { } winner)
        {
            return winner.RequestHash == requestHash ? Retry(winner) : ReviewErrors.IdempotencyKeyReused(idempotency.Key);
        }

        return new IssuanceAnswer(true, result.Kind.ToWire(), digest, reviewId, [], permit);
    }

    /// <summary>Checks a permit a case system presents: Fashen's signature, and that Fashen issued it.</summary>
    /// <param name="token">The permit token.</param>
    /// <returns>What it states, or why it is not valid.</returns>
    public PermitVerification VerifyPermit(string token)
    {
        var verification = _signer.Verify(token);
        if (verification.Claims is { } claims && _store.FindPermit(claims.PermitId) is null)
        {
            return new PermitVerification(false, null, "签名有效，但本系统的记录中没有这张许可凭证。");
        }

        return verification;
    }

    /// <summary>Gets the public key permits are signed with, for offline verification.</summary>
    public JsonObject PermitKey => _signer.PublicJwk;

    private IssuanceAnswer Retry(IdempotencyRecord earlier)
    {
        var permit = _store.FindPermit(earlier.ResourceId)!;
        return new IssuanceAnswer(true, permit.Claims.Classification, permit.Claims.DecisionDigest, permit.Claims.ReviewId, [], permit);
    }

    // The store's index only finds the review; what the review is comes from its own entries, checked where they lie in
    // the chain (ReviewRecord), and an index that disagrees with them was edited behind Fashen's back.
    private ReviewError? MajorRefusal(
        BoundDecision decision, string digest, IReadOnlyList<DocumentReference>? documents, Classifier classifier, out string? reviewId)
    {
        reviewId = null;
        if (_store.LatestReviewFor(decision.Department, decision.CaseId) is not { } entry)
        {
            return ReviewErrors.NotReviewed();
        }

        reviewId = entry.ReviewId;
        Review? review = null;
        string? mismatch = null;

        // The index and the entries are written together, but read one after the other: a review that changed in between
        // is read again before a difference counts as tampering.
        for (var attempt = 0; attempt < 3 && (review is null || mismatch is not null); attempt++)
        {
            var reading = ReviewRecord.Read(_store, entry.ReviewId);
            if (reading.Review is null)
            {
                return ReviewErrors.RecordBroken(entry.ReviewId, reading.Problem!);
            }

            review = reading.Review;
            entry = attempt == 0 ? entry : _store.FindReviewIndex(entry.ReviewId) ?? entry;
            mismatch = IndexMismatch(entry, review);
        }

        if (review!.CaseId != decision.CaseId || review.Department != decision.Department)
        {
            return ReviewErrors.RecordBroken(entry.ReviewId, $"存储的索引把本案指向了另一案件（{review.Department}/{review.CaseId}）的审核");
        }

        if (mismatch is not null)
        {
            return ReviewErrors.RecordBroken(entry.ReviewId, mismatch);
        }

        var changes = review.Submission.Digest == digest ? null : DecisionChange.Between(classifier.Catalogue.Schema, review.Submission.Decision, decision);
        if (review.State != ReviewState.Approved)
        {
            return ReviewErrors.ReviewNotApproved(review.Id, review.State.ToChinese(), changes is null ? null : Describe(changes));
        }

        if (review.Decided is not { By.Kind: ActorKind.Person })
        {
            return ReviewErrors.RecordBroken(review.Id, "记录中的同意意见不是由审核人员作出的");
        }

        // Only the head's confirmation makes an opinion take effect where the catalogue asks for it, so an approval without one
        // was not made by Fashen; a collective discussion a rule requires must have agreed.
        if (review.Submission.HeadConfirmation && review.Confirmation is not { By.Kind: ActorKind.Person })
        {
            return ReviewErrors.RecordBroken(review.Id, "记录中的同意意见没有法制机构负责人的确认");
        }

        if (MissingSignOffs(review) is { Count: > 0 } missing)
        {
            return ReviewErrors.SignOffIncomplete(review.Id, string.Join("；", missing));
        }

        // The approval covers the documents submitted with the decision: a request that names none cannot be held to them,
        // and one whose documents differ is a different decision from the one approved.
        if (review.Submission.DocumentsDigest is not null && documents is null)
        {
            return ReviewErrors.DocumentsNotStated(review.Id);
        }

        var documentChanges = documents is null || SubmittedDocuments.Digest(documents) == review.Submission.DocumentsDigest
            ? []
            : SubmittedDocuments.Changes(review.Submission.Documents, documents.Select(d => new SubmittedDocument(d.Material, d.Sha256, d.FileName, 0, string.Empty)).ToList());
        IEnumerable<string> decisionChanges = changes is null ? [] : [Describe(changes)];
        var described = string.Join("；", decisionChanges.Concat(documentChanges.Select(c => c.Text)));
        return described.Length == 0 ? null : ReviewErrors.ChangedSinceApproval(review.Id, described);
    }

    // How the store's index of a review differs from the review its entries make, or null.
    private static string? IndexMismatch(ReviewIndexEntry index, Review review) =>
        index.State != review.State ? $"存储的审核索引写着“{index.State.ToChinese()}”，记录中为“{review.State.ToChinese()}”"
        : index.Digest != review.Submission.Digest ? "存储的审核索引中的决定摘要与记录中的不同"
        : index.Version != review.Version ? $"存储的审核索引为第 {index.Version} 版，记录中为第 {review.Version} 版"
        : null;
}

/// <summary>The gate's answer.</summary>
/// <param name="Issuable">Whether the decision may be issued now.</param>
/// <param name="Classification">The decision's classification (wire name).</param>
/// <param name="DecisionDigest">The digest of the decision asked about.</param>
/// <param name="ReviewId">The review concerned, or null.</param>
/// <param name="Reasons">Why not, when not.</param>
/// <param name="Permit">The signed permit, when yes.</param>
public sealed record IssuanceAnswer(
    bool Issuable,
    string Classification,
    string DecisionDigest,
    string? ReviewId,
    IReadOnlyList<ReviewError> Reasons,
    StoredPermit? Permit);
