using Fashen.Engine.Catalogues;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.ReviewUi.Display;
using Microsoft.AspNetCore.Mvc;

namespace Fashen.ReviewUi.Pages.Reviews;

/// <summary>The review opinion (法制审核意见书) of a decided review, laid out to print on A4.</summary>
public sealed class OpinionModel(ReviewService reviews, ReviewOptions options) : FashenPage(reviews, options)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public Review? Review { get; private set; }

    public IReadOnlyList<(string Label, string Value)> Facts { get; private set; } = [];

    /// <summary>The record entry of the outcome: the document names it, so a copy can be checked against the record.</summary>
    public AuditEntry? OutcomeEntry { get; private set; }

    public string? Unavailable { get; private set; }

    public void OnGet()
    {
        var found = Reviews.Get(Caller, Id);
        if (!found.Succeeded)
        {
            Unavailable = found.Error!.Message;
            Response.StatusCode = found.Error.Kind == ReviewErrorKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden;
            return;
        }

        Review = found.Value!;
        if (Review.Outcome is null)
        {
            Unavailable = "该审核尚未作出审核意见，还没有法制审核意见书。";
            return;
        }

        Facts = FactRows.Of(Review, Reviews.Catalogues);
        OutcomeEntry = Reviews.History(Caller, Id).Value?.LastOrDefault(e => e.Type == "review.decided");
    }

    public string DecisionText(string member) => Review?.Submission.Decision[member]?.GetValue<string>() ?? string.Empty;

    public string ActionName => ActionKinds.TryParse(DecisionText("action"), out var kind) ? kind.ToChinese() : DecisionText("action");

    /// <summary>The document number: the unit's year and the review's id, unique and traceable.</summary>
    public string Number => $"法审〔{DecidedOn.Year}〕{Review!.Id}号";

    public DateOnly DecidedOn => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Review!.Decided!.Value.At, Options.TimeZone).DateTime);
}
