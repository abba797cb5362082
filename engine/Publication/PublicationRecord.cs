using System.Text.Json.Nodes;

namespace Fashen.Engine.Publication;

/// <summary>Where a reported decision stands on its way to the public (事后公开), as the store keeps it for queues and the
/// register; written with each record entry that changes it.</summary>
/// <param name="Id">The publication's id (G…).</param>
/// <param name="Department">The department.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Action">The kind of action (wire name).</param>
/// <param name="DocumentNumber">The decision document's number.</param>
/// <param name="DecidedOn">The day of the decision.</param>
/// <param name="DueOn">The last working day to publish it, or null while not known.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Version">Its version, one more with each change (optimistic concurrency).</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="PublishedOn">The day it was (first) published, or null.</param>
/// <param name="Content">Its content: <c>original</c> (as reported; never public), <c>proposed</c> (masked by the rules),
/// <c>published</c> (as approved or last corrected), <c>corrections</c> (dated notes) and <c>withdrawal</c> (reason, when).</param>
public sealed record PublicationRecord(
    string Id, string Department, string CaseId, string Action, string DocumentNumber, DateOnly DecidedOn, DateOnly? DueOn,
    PublicationState State, long Version, DateTimeOffset UpdatedAt, DateOnly? PublishedOn, JsonObject Content)
{
    /// <summary>Gets the party as the public sees it (or would): published, else proposed.</summary>
    public string PublicParty => (string?)(Content["published"] ?? Content["proposed"])?["party"] ?? string.Empty;
}

/// <summary>Where a publication stands.</summary>
public enum PublicationState
{
    /// <summary>待审核: reported, masked, waiting for the legal office.</summary>
    Pending,

    /// <summary>已公开.</summary>
    Published,

    /// <summary>已撤回: changed, revoked, found unlawful or void (第四十八条), with the reason shown in its place.</summary>
    Withdrawn,
}

/// <summary>Names of publication states.</summary>
public static class PublicationStates
{
    /// <summary>Says a state in Chinese.</summary>
    /// <param name="state">The state.</param>
    /// <returns>待审核, 已公开 or 已撤回.</returns>
    public static string ToChinese(this PublicationState state) => state switch
    {
        PublicationState.Pending => "待审核",
        PublicationState.Published => "已公开",
        _ => "已撤回",
    };
}

/// <summary>What to list.</summary>
/// <param name="Departments">The departments the caller may see; null for all.</param>
/// <param name="State">One state, or null for all.</param>
/// <param name="Text">Part of the document number or the party (as the public sees it), or null.</param>
/// <param name="Limit">The most to list.</param>
public sealed record PublicationQuery(IReadOnlyList<string>? Departments, PublicationState? State, string? Text, int Limit = 200)
{
    /// <summary>Gets the order: the soonest due first (the legal office's queue), or the newest published first (the public register).</summary>
    public PublicationOrder Order { get; init; } = PublicationOrder.SoonestDue;

    /// <summary>Gets the kind of action (wire name) to list, or null for all.</summary>
    public string? Action { get; init; }

    /// <summary>Gets the first decision date to list, or null.</summary>
    public DateOnly? DecidedFrom { get; init; }

    /// <summary>Gets the last decision date to list, or null.</summary>
    public DateOnly? DecidedTo { get; init; }
}

/// <summary>How publications are listed.</summary>
public enum PublicationOrder
{
    /// <summary>By due day, then the newest decided, then id: the queue.</summary>
    SoonestDue,

    /// <summary>By publication day, newest first, then the newest decided, then id: the register.</summary>
    NewestPublished,
}

/// <summary>The publications, as the store keeps them beside the record.</summary>
public interface IPublicationStore
{
    /// <summary>Finds a publication.</summary>
    /// <param name="id">Its id.</param>
    /// <returns>It, or null.</returns>
    PublicationRecord? FindPublication(string id);

    /// <summary>Lists publications, the soonest due (then the newest decided) first.</summary>
    /// <param name="query">What to list.</param>
    /// <returns>The publications.</returns>
    IReadOnlyList<PublicationRecord> Publications(PublicationQuery query);
}
