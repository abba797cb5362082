using System.Text.Json.Nodes;
using Fashen.Engine.Classification;
using Fashen.Engine.IssuedDecisions;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Publication;

/// <summary>The publication of reported decisions (事后公开) as the legal office works it: it checks the masked text beside the
/// original and approves or corrects it before it goes out (公开信息的审核); corrects what is published with a dated note
/// (纠错); withdraws a decision changed, revoked, found unlawful or void, with the reason (第四十八条). Every step is a record
/// entry written with the publication's new state, version-checked.</summary>
/// <param name="record">The record.</param>
/// <param name="store">The publications.</param>
/// <param name="clock">The clock.</param>
/// <param name="options">Settings (the time zone of the dates).</param>
public sealed class Publications(IReviewStore record, IPublicationStore store, TimeProvider clock, ReviewOptions options)
{
    /// <summary>The grounds a published decision is withdrawn on (第四十八条).</summary>
    public static IReadOnlyList<string> WithdrawalGrounds { get; } = ["变更", "撤销", "确认违法", "确认无效"];

    /// <summary>The days within which a decision changed, revoked, found unlawful or void is withdrawn (第四十八条).</summary>
    public const int WithdrawalDays = 3;

    /// <summary>The longest note or reason.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>Gets today's date where the decisions are made.</summary>
    public DateOnly Today => options.LocalDay(clock.GetUtcNow());

    /// <summary>Makes the publication of a decision just reported: pending, with the text masked by the department's rules.</summary>
    /// <param name="report">The report.</param>
    /// <param name="department">The department.</param>
    /// <param name="caseId">The case.</param>
    /// <param name="action">The kind of action (wire name).</param>
    /// <param name="draft">What is proposed.</param>
    /// <param name="at">When.</param>
    /// <param name="id">The publication's id.</param>
    /// <returns>The publication, version 1.</returns>
    public static PublicationRecord Pending(IssuedDecisionReport report, string department, string caseId, string action, PublicationDraft draft, DateTimeOffset at, string id)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(draft);
        return new PublicationRecord(
            id, department, caseId, action, report.DocumentNumber.Trim(), report.DecidedOn, draft.DueOn, PublicationState.Pending, 1, at, null,
            new JsonObject
            {
                ["original"] = Json(report.Publication),
                ["proposed"] = Json(draft.Masked),
                ["maskedKinds"] = new JsonArray(draft.MaskedKinds.Select(l => (JsonNode)JsonValue.Create(l)).ToArray()),
                ["corrections"] = new JsonArray(),
            });
    }

    /// <summary>Lists the publications a caller may work on.</summary>
    /// <param name="caller">A reviewer (the legal office) or an admin.</param>
    /// <param name="state">One state, or null for all.</param>
    /// <param name="text">Part of a document number or party, or null.</param>
    /// <returns>The publications, the soonest due first.</returns>
    public Outcome<List<PublicationRecord>> Queue(Caller caller, PublicationState? state, string? text)
    {
        if (RoleProblem(caller, "查看公开审核队列") is { } problem)
        {
            return problem;
        }

        var departments = caller.Departments.Contains(Caller.AllDepartments) ? null : caller.Departments;
        return store.Publications(new PublicationQuery(departments, state, text?.Trim())).ToList();
    }

    /// <summary>Reads one publication, original and proposed, for the legal office.</summary>
    /// <param name="caller">A reviewer of the department, or an admin.</param>
    /// <param name="id">The publication.</param>
    /// <returns>It, or why not.</returns>
    public Outcome<PublicationRecord> Get(Caller caller, string id)
    {
        if (RoleProblem(caller, "查看公开信息") is { } problem)
        {
            return problem;
        }

        return store.FindPublication(id) is { } found && caller.CanAccess(found.Department) ? found : ReviewErrors.PublicationNotFound(id);
    }

    /// <summary>Approves a pending publication, as proposed or corrected, and publishes it (公开信息的审核).</summary>
    /// <param name="caller">A reviewer of the department.</param>
    /// <param name="id">The publication.</param>
    /// <param name="version">The version the reviewer saw.</param>
    /// <param name="fields">The text to publish if the proposed one needs correcting, or null.</param>
    /// <returns>The publication, published, or why not.</returns>
    public Outcome<PublicationRecord> Approve(Caller caller, string id, long version, PublicationFields? fields)
    {
        var found = Working(caller, id, version, PublicationState.Pending, "审核并公开");
        if (!found.Succeeded)
        {
            return found;
        }

        var publication = found.Value!;
        if (fields is not null && FieldsProblem(fields) is { } invalid)
        {
            return invalid;
        }

        var published = fields is null ? publication.Content["proposed"]!.DeepClone() : Json(fields);
        var content = (JsonObject)publication.Content.DeepClone();
        content["published"] = published;
        var at = clock.GetUtcNow();
        return Commit(caller, publication with { State = PublicationState.Published, PublishedOn = Today, Content = content }, at, "publication.approved", new JsonObject
        {
            ["publicationId"] = id,
            ["published"] = published.DeepClone(),
            ["corrected"] = fields is not null,
        });
    }

    /// <summary>Corrects a published decision's text (纠错): the earlier text stays in the record, a dated note is shown.</summary>
    /// <param name="caller">A reviewer of the department.</param>
    /// <param name="id">The publication.</param>
    /// <param name="version">The version the reviewer saw.</param>
    /// <param name="fields">The corrected text.</param>
    /// <param name="note">What was corrected and why, shown with the correction.</param>
    /// <returns>The publication, corrected, or why not.</returns>
    public Outcome<PublicationRecord> Correct(Caller caller, string id, long version, PublicationFields fields, string note)
    {
        var found = Working(caller, id, version, PublicationState.Published, "纠错");
        if (!found.Succeeded)
        {
            return found;
        }

        if ((FieldsProblem(fields) ?? NoteProblem(note, "纠错说明")) is { } invalid)
        {
            return invalid;
        }

        var publication = found.Value!;
        var content = (JsonObject)publication.Content.DeepClone();
        var previous = content["published"]!.DeepClone();
        content["published"] = Json(fields);
        content["corrections"]!.AsArray().Add(new JsonObject { ["on"] = Formatting.Date(Today), ["note"] = note.Trim() });
        return Commit(caller, publication with { Content = content }, clock.GetUtcNow(), "publication.corrected", new JsonObject
        {
            ["publicationId"] = id,
            ["previous"] = previous,
            ["published"] = Json(fields),
            ["note"] = note.Trim(),
        });
    }

    /// <summary>Withdraws a published decision that was changed, revoked, found unlawful or void, with the reason shown in its
    /// place (第四十八条: within three days).</summary>
    /// <param name="caller">A reviewer of the department.</param>
    /// <param name="id">The publication.</param>
    /// <param name="version">The version the reviewer saw.</param>
    /// <param name="grounds">变更, 撤销, 确认违法 or 确认无效.</param>
    /// <param name="changedOn">The day the decision was changed, revoked or found so.</param>
    /// <param name="reason">The reason shown to the public.</param>
    /// <returns>The publication, withdrawn, or why not.</returns>
    public Outcome<PublicationRecord> Withdraw(Caller caller, string id, long version, string grounds, DateOnly changedOn, string reason)
    {
        var found = Working(caller, id, version, PublicationState.Published, "撤回");
        if (!found.Succeeded)
        {
            return found;
        }

        if (!WithdrawalGrounds.Contains(grounds))
        {
            return ReviewErrors.PublicationInvalid($"撤回的事由应为 {string.Join("、", WithdrawalGrounds)} 之一");
        }

        if (changedOn > Today)
        {
            return ReviewErrors.PublicationInvalid("变更、撤销或确认的日期不能晚于今天");
        }

        if (NoteProblem(reason, "撤回理由") is { } invalid)
        {
            return invalid;
        }

        var publication = found.Value!;
        var late = Today > changedOn.AddDays(WithdrawalDays);
        var content = (JsonObject)publication.Content.DeepClone();
        content["withdrawal"] = new JsonObject { ["on"] = Formatting.Date(Today), ["grounds"] = grounds, ["changedOn"] = Formatting.Date(changedOn), ["reason"] = reason.Trim(), ["late"] = late };
        return Commit(caller, publication with { State = PublicationState.Withdrawn, Content = content }, clock.GetUtcNow(), "publication.withdrawn", new JsonObject
        {
            ["publicationId"] = id,
            ["grounds"] = grounds,
            ["changedOn"] = Formatting.Date(changedOn),
            ["reason"] = reason.Trim(),
            ["late"] = late,
        });
    }

    /// <summary>Tells whether a publication is past its due day and not yet out.</summary>
    /// <param name="publication">The publication.</param>
    /// <param name="today">Today.</param>
    /// <returns>True when overdue.</returns>
    public static bool Overdue(PublicationRecord publication, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(publication);
        return publication.State == PublicationState.Pending && publication.DueOn is { } due && due < today;
    }

    /// <summary>Writes publication fields as JSON.</summary>
    /// <param name="fields">The fields.</param>
    /// <returns>The JSON.</returns>
    public static JsonObject Json(PublicationFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new()
        {
            ["agency"] = fields.Agency,
            ["party"] = fields.Party,
            ["category"] = fields.Category,
            ["conclusion"] = fields.Conclusion,
            ["basis"] = fields.Basis,
        };
    }

    private static ReviewError? RoleProblem(Caller caller, string action)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(Role.Reviewer) || caller.Has(Role.Admin) ? null : ReviewErrors.RoleRequired(action, "法制审核人员");
    }

    private Outcome<PublicationRecord> Working(Caller caller, string id, long version, PublicationState state, string action)
    {
        if (!caller.Has(Role.Reviewer))
        {
            return ReviewErrors.RoleRequired(action, "法制审核人员");
        }

        var found = Get(caller, id);
        if (!found.Succeeded)
        {
            return found;
        }

        var publication = found.Value!;
        return publication.Version != version ? ReviewErrors.StaleVersion(version, publication.Version)
            : publication.State != state ? ReviewErrors.PublicationWrongState(action, publication.State.ToChinese())
            : publication;
    }

    private Outcome<PublicationRecord> Commit(Caller caller, PublicationRecord changed, DateTimeOffset at, string type, JsonObject data)
    {
        var next = changed with { Version = changed.Version + 1, UpdatedAt = at };
        var outcome = record.Append(new AppendBatch(at, [new PendingEntry(type, null, next.Department, caller.Actor, CanonicalJson.Serialize(data))], Publication: next));
        return outcome.Status == AppendStatus.Appended ? next : ReviewErrors.StaleVersion(changed.Version, outcome.CurrentVersion);
    }

    private static ReviewError? FieldsProblem(PublicationFields fields) =>
        new[] { fields.Agency, fields.Party, fields.Category, fields.Conclusion, fields.Basis }.Any(f => string.IsNullOrWhiteSpace(f) || f.Length > PublicationFields.MaxLength)
            ? ReviewErrors.PublicationInvalid($"公开的执法机关、执法对象、执法类别、执法结论、依据各应为 1 至 {PublicationFields.MaxLength} 字")
            : null;

    private static ReviewError? NoteProblem(string note, string what) =>
        string.IsNullOrWhiteSpace(note) || note.Trim().Length > MaxNoteLength ? ReviewErrors.PublicationInvalid($"{what}应为 1 至 {MaxNoteLength} 字") : null;
}
