using Fashen.Engine.Classification;

namespace Fashen.Api.Contracts;

/// <summary>The answer to "is this decision major?", as sent to case systems and written by <c>fashen classify --format json</c>.</summary>
public sealed record ClassificationResponse(
    string CaseId,
    string Classification,
    string Summary,
    CatalogueReferenceResponse Catalogue,
    IReadOnlyList<MatchedRuleResponse> MatchedRules,
    IReadOnlyList<MissingFactResponse> MissingFacts,
    IReadOnlyList<NearMissResponse> NearMisses,
    IReadOnlyList<ChecklistItemResponse> Checklist,
    IReadOnlyList<string> Materials,
    DeadlineResponse? Deadline,
    IReadOnlyList<Problems.DiagnosticResponse> Diagnostics,
    IReadOnlyList<FormResponse> Forms,
    IReadOnlyList<FormViolationResponse> Violations,
    PriorReviewResponse? Review)
{
    public static ClassificationResponse From(ClassificationResult r) => new(
        r.CaseId,
        r.Kind.ToWire(),
        r.Summary,
        CatalogueReferenceResponse.From(r.Catalogue),
        r.MatchedRules.Select(m => new MatchedRuleResponse(
            m.Id, m.Title, m.Basis, m.Explanation, m.RequiresCounselOpinion, new LocationResponse(m.Location.File, m.Location.Line, m.Location.Column))).ToList(),
        r.MissingFacts.Select(m => new MissingFactResponse(m.Key, m.Label, m.RuleIds)).ToList(),
        r.NearMisses.Select(n => new NearMissResponse(n.Id, n.Title, n.Failed, n.ToMatch)).ToList(),
        r.Checklist.Select(c => new ChecklistItemResponse(c.Id, c.Title, c.Question, c.Source)).ToList(),
        r.Materials,
        r.Deadline is { } d
            ? new DeadlineResponse(d.WorkingDays, Formatting.Date(d.MaterialsCompleteOn), Formatting.Date(d.StartsOn), Formatting.Date(d.DueDate), d.ExtensionWorkingDays, d.ProvisionalReason)
            : null,
        r.Diagnostics.Select(d => new Problems.DiagnosticResponse(
            d.Code, d.SeverityName, d.Message, d.Span.Line, d.Span.Column, d.Span.EndLine, d.Span.EndColumn)).ToList(),
        r.Forms.Select(FormResponse.From).ToList(),
        r.Violations.Select(FormViolationResponse.From).ToList(),
        r.Review is { } prior ? PriorReviewResponse.From(prior) : null);
}

/// <summary>The review the decision's case already has, which binds every version of it: the decision may be issued only
/// as that review approves it (<c>sameVersion</c>), otherwise it is submitted as a new round; <c>differences</c> say how it
/// differs from the version reviewed.</summary>
public sealed record PriorReviewResponse(string Id, string State, string StateName, bool SameVersion, IReadOnlyList<ChangeResponse> Differences)
{
    public static PriorReviewResponse From(PriorReview p) =>
        new(p.ReviewId, p.State, p.StateName, p.SameVersion, p.Differences.Select(d => new ChangeResponse(d.Key, d.Label, d.Before, d.After)).ToList());
}

/// <summary>A form the law requires that applied to the decision and that it keeps (全国法定基准, or a department's
/// departure under a law that provides otherwise, <c>law</c>).</summary>
public sealed record FormResponse(string Id, string Title, IReadOnlyList<string> Basis, string? Law, string? Replaces)
{
    public static FormResponse From(FormCitation f) => new(f.Id, f.Title, f.Basis, f.Law, f.Replaces);
}

/// <summary>A form the law requires that the decision breaks, and how.</summary>
public sealed record FormViolationResponse(string Id, string Title, IReadOnlyList<string> Basis, string Explanation, string? Law)
{
    public static FormViolationResponse From(Engine.Statute.FormViolation v) => new(v.FormId, v.Title, v.Basis, v.Explanation, v.Law);
}

/// <summary>The catalogue version that answered: its period, content revision, git commit when it lives in a
/// checkout, and why it was chosen (<c>chosenBy</c>).</summary>
public sealed record CatalogueReferenceResponse(
    string Id, string Name, string Version, string Revision, string EffectiveFrom, string? EffectiveTo, string? Commit, string? ChosenBy)
{
    public static CatalogueReferenceResponse From(CatalogueReference c) => new(
        c.Id, c.Name, c.Version, c.Revision, Formatting.Date(c.EffectiveFrom), c.EffectiveTo is { } to ? Formatting.Date(to) : null, c.Commit, c.ChosenBy);
}

public sealed record MatchedRuleResponse(
    string Id, string Title, IReadOnlyList<string> Basis, string Explanation, bool RequiresCounselOpinion, LocationResponse Location);

public sealed record LocationResponse(string File, int Line, int Column);

public sealed record MissingFactResponse(string Key, string Label, IReadOnlyList<string> Rules);

public sealed record NearMissResponse(string Id, string Title, IReadOnlyList<string> Failed, IReadOnlyList<string> ToMatch);

public sealed record ChecklistItemResponse(string Id, string Title, string Question, string Source);

/// <summary>The review deadline: DueDate is provisional (暂定) when ProvisionalReason is set — a year's holiday arrangement is not
/// loaded yet — and is computed again when it is.</summary>
public sealed record DeadlineResponse(int WorkingDays, string MaterialsCompleteOn, string StartsOn, string DueDate, int ExtensionWorkingDays, string? ProvisionalReason);
