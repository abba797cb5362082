using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Engine.IssuedDecisions;
using Fashen.Engine.Publication;
using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>After the gate: a case system reports the decision it issued, and Fashen checks it against the permit. A major
/// decision issued without a permit, or other than permitted, is recorded as a finding (an alert, for 责任追究) with the
/// report; it is never silently accepted, nor refused so that it goes unrecorded.</summary>
public sealed partial class ReviewService
{
    /// <summary>The entry recording an issued decision.</summary>
    public const string IssuedEntry = "decision.issued";

    /// <summary>The finding: a decision the gate would not have let through was issued without a permit.</summary>
    public const string IssuedWithoutPermit = "alert.issued_without_permit";

    /// <summary>The finding: a decision was issued other than its permit allowed.</summary>
    public const string IssuedNotAsPermitted = "alert.issued_not_as_permitted";

    /// <summary>The alert: a decision reported with a permit Fashen did not issue.</summary>
    public const string InvalidPermitPresented = "alert.invalid_permit_presented";

    /// <summary>The longest document number.</summary>
    public const int MaxDocumentNumberLength = 100;

    /// <summary>Records a decision a case system issued, checked against its permit.</summary>
    /// <param name="caller">The case system.</param>
    /// <param name="report">What it reports.</param>
    /// <param name="fingerprint">The request as canonical text, to recognise a retry.</param>
    /// <param name="idempotencyKey">The request's idempotency key, or null.</param>
    /// <returns>The report as recorded, with what the check found, or why it was refused.</returns>
    public Outcome<IssuedDecision> ReportIssued(Caller caller, IssuedDecisionReport report, string fingerprint, string? idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!caller.IsCaseSystem)
        {
            return ReviewErrors.RoleRequired("报告已作出的决定", "案件系统");
        }

        var requestHash = CanonicalJson.Hash(fingerprint);
        if (idempotencyKey is not null && _store.FindIdempotency("report", caller.Actor.Id, idempotencyKey) is { } earlier)
        {
            return earlier.RequestHash != requestHash ? ReviewErrors.IdempotencyKeyReused(idempotencyKey) : Reported(long.Parse(earlier.ResourceId, CultureInfo.InvariantCulture));
        }

        var bound = Bind(caller, report.Decision);
        if (!bound.Succeeded)
        {
            return bound.Error!;
        }

        var (_, choice, decision) = bound.Value!;
        if (ReportProblem(caller, report) is { } problem)
        {
            return problem;
        }

        var digest = DecisionCanonicalForm.Digest(decision);
        var result = choice.Classifier.Classify(decision, ClassificationOptions.Default with { NearMisses = 0 });
        var review = ExistingReview(decision);
        var classification = review is null ? result.Kind : HeldToItsReview(result.Kind);

        string? permitId = null;
        var findings = new List<IssuanceFinding>();
        if (report.PermitToken is { } token)
        {
            var verification = VerifyPermit(token);
            if (verification.Claims is not { } claims)
            {
                // A permit Fashen did not issue, presented for a decision already made: refused, and kept in the record.
                var refusal = ReviewErrors.PermitInvalid(verification.Problem ?? "许可凭证无效");
                _store.Append(new AppendBatch(_clock.GetUtcNow(), [new PendingEntry(InvalidPermitPresented, review?.Id, decision.Department, caller.Actor, CanonicalJson.Serialize(new JsonObject
                {
                    ["caseId"] = decision.CaseId,
                    ["documentNumber"] = report.DocumentNumber.Trim(),
                    ["problem"] = refusal.Message,
                }))]));
                return refusal;
            }

            permitId = claims.PermitId;
            if (claims.Department != decision.Department || claims.CaseId != decision.CaseId)
            {
                findings.Add(new(IssuedNotAsPermitted, $"出示的许可凭证 {claims.PermitId} 是案件 {claims.Department}/{claims.CaseId} 的，不是本案件的"));
            }
            else if (claims.DecisionDigest != digest)
            {
                var permitted = claims.ReviewId is { } reviewId && Load(reviewId) is { } approved
                    ? Describe(DecisionChange.Between(choice.Classifier.Catalogue.Schema, approved.Submission.Decision, decision))
                    : "决定的摘要不同";
                findings.Add(new(IssuedNotAsPermitted, $"作出的决定与许可凭证 {claims.PermitId} 许可的不同：{permitted}"));
            }
        }
        else if (classification is ClassificationKind.Major or ClassificationKind.Undetermined or ClassificationKind.Unlawful)
        {
            var why = classification switch
            {
                ClassificationKind.Major => review is null ? "按目录清单属于重大执法决定，未经法制审核" : $"本案有审核 {review.Id}（{review.State.ToChinese()}），未凭许可凭证作出",
                ClassificationKind.Unlawful => "不符合法律规定的决定形式：" + string.Join("；", result.Violations.Select(v => v.Explanation)),
                _ => "缺少判定所需的事实（" + string.Join("、", result.MissingFacts.Select(m => m.Label)) + "），未经关卡",
            };
            findings.Add(new(IssuedWithoutPermit, $"没有出示许可凭证即作出决定：{why}"));
        }

        // What is proposed for publication: masked by the department's rules, due in working days from the decision.
        var draft = PublicationDraft.Of(report.Publication, decision, report.DecidedOn, _catalogues.Current.MaskingFor(decision.Department),
            _options.PublicationDeadline, _catalogues.Current.Calendar);
        var at = _clock.GetUtcNow();
        var publication = Publications.Pending(report, decision.Department, decision.CaseId, decision.Action.ToWire(), draft, at, NewId("G", Today));
        var data = new JsonObject
        {
            ["publicationId"] = publication.Id,
            ["caseId"] = decision.CaseId,
            ["action"] = decision.Action.ToWire(),
            ["decision"] = DecisionCanonicalForm.ToNode(decision),
            ["digest"] = digest,
            ["classification"] = classification.ToWire(),
            ["permitId"] = permitId,
            ["decidedOn"] = Formatting.Date(report.DecidedOn),
            ["documentNumber"] = report.DocumentNumber.Trim(),
            ["document"] = new JsonObject { ["sha256"] = report.DocumentSha256, ["fileName"] = report.DocumentFileName },
            ["publication"] = new JsonObject
            {
                ["agency"] = report.Publication.Agency,
                ["party"] = report.Publication.Party,
                ["category"] = report.Publication.Category,
                ["conclusion"] = report.Publication.Conclusion,
                ["basis"] = report.Publication.Basis,
            },
            ["findings"] = new JsonArray(findings.Select(f => (JsonNode)new JsonObject { ["code"] = f.Code, ["message"] = f.Message }).ToArray()),
            ["proposed"] = new JsonObject
            {
                ["agency"] = draft.Masked.Agency,
                ["party"] = draft.Masked.Party,
                ["category"] = draft.Masked.Category,
                ["conclusion"] = draft.Masked.Conclusion,
                ["basis"] = draft.Masked.Basis,
                ["masked"] = new JsonArray(draft.MaskedKinds.Select(l => (JsonNode)JsonValue.Create(l)).ToArray()),
                ["dueOn"] = draft.DueOn is { } dueOn ? Formatting.Date(dueOn) : null,
                ["dueUnknownYear"] = draft.DueUnknownYear,
            },
        };
        var entries = new List<PendingEntry> { new(IssuedEntry, review?.Id, decision.Department, caller.Actor, CanonicalJson.Serialize(data)) };
        entries.AddRange(findings.Select(f => new PendingEntry(f.Code, review?.Id, decision.Department, caller.Actor, CanonicalJson.Serialize(new JsonObject
        {
            ["caseId"] = decision.CaseId,
            ["documentNumber"] = report.DocumentNumber.Trim(),
            ["permitId"] = permitId,
            ["problem"] = f.Message,
        }))));

        // The idempotency key names the report's entry, the batch's first, by its sequence number.
        var idempotency = idempotencyKey is null ? null : new IdempotencyRecord("report", caller.Actor.Id, idempotencyKey, requestHash, IdempotencyRecord.FirstEntry);
        var outcome = _store.Append(new AppendBatch(at, entries, Idempotency: idempotency, Publication: publication));
        if (outcome.Status == AppendStatus.IdempotencyConflict && idempotency is not null
            && _store.FindIdempotency("report", caller.Actor.Id, idempotency.Key) is { } winner)
        {
            return winner.RequestHash == requestHash ? Reported(long.Parse(winner.ResourceId, CultureInfo.InvariantCulture)) : ReviewErrors.IdempotencyKeyReused(idempotency.Key);
        }

        return Reported(outcome.Entries[0]);
    }

    /// <summary>Reads a reported decision by its record entry, for a caller who may see its department.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="sequence">The report's record entry.</param>
    /// <returns>The report, or why not.</returns>
    public Outcome<IssuedDecision> IssuedDecision(Caller caller, long sequence)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _store.EntriesAt([sequence]).FirstOrDefault() is { Type: IssuedEntry, Department: { } department } entry && caller.CanAccess(department)
            ? Reported(entry)
            : ReviewErrors.ReportNotFound(sequence);
    }

    // The document is one this case system uploaded, of a kind a decision document is; the date is not in the future.
    private ReviewError? ReportProblem(Caller caller, IssuedDecisionReport report)
    {
        if (_files?.FindFile(report.DocumentSha256) is not { Held: true } file || !_files.Holds(file.Sha256, caller.Actor.Id))
        {
            return ReviewErrors.FileNotAttached("执法决定书", report.DocumentFileName, report.DocumentSha256);
        }

        if (file.ContentType is not ("application/pdf" or "application/ofd") && !file.ContentType.StartsWith("image/", StringComparison.Ordinal)
            && !file.ContentType.Contains("wordprocessingml", StringComparison.Ordinal) && file.ContentType != "application/msword")
        {
            return ReviewErrors.ReportInvalid($"执法决定书应为 PDF、OFD、图像或 Word 文档，这个文件是 {file.ContentType}");
        }

        if (report.DecidedOn > Today)
        {
            return ReviewErrors.ReportInvalid($"决定日期 {report.DecidedOn:yyyy-MM-dd} 晚于今天");
        }

        return string.IsNullOrWhiteSpace(report.DocumentNumber) || report.DocumentNumber.Trim().Length > MaxDocumentNumberLength
            ? ReviewErrors.ReportInvalid($"决定书文号应为 1 至 {MaxDocumentNumberLength} 个字")
            : null;
    }

    private Outcome<IssuedDecision> Reported(long sequence) =>
        _store.EntriesAt([sequence]).FirstOrDefault() is { Type: IssuedEntry } entry ? Reported(entry) : ReviewErrors.ReportNotFound(sequence);

    private static IssuedDecision Reported(AuditEntry entry)
    {
        var data = JsonNode.Parse(entry.Data)!;
        var proposed = data["proposed"]!;
        return new IssuedDecision(
            (string)data["caseId"]!, entry.Department!, (string)data["documentNumber"]!, DateOnly.Parse((string)data["decidedOn"]!, CultureInfo.InvariantCulture),
            (string)data["classification"]!, (string?)data["permitId"],
            data["findings"]!.AsArray().Select(f => new IssuanceFinding((string)f!["code"]!, (string)f["message"]!)).ToList(), entry.Sequence, entry.Hash,
            new PublicationFields((string)proposed["agency"]!, (string)proposed["party"]!, (string)proposed["category"]!, (string)proposed["conclusion"]!, (string)proposed["basis"]!),
            proposed["masked"]!.AsArray().Select(m => (string)m!).ToList(),
            (string?)proposed["dueOn"] is { } due ? DateOnly.Parse(due, CultureInfo.InvariantCulture) : null,
            (string)data["publicationId"]!);
    }
}
