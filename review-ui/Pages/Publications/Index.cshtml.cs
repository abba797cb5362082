using Fashen.Engine.Publication;
using Fashen.Engine.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace Fashen.ReviewUi.Pages.Publications;

/// <summary>The legal office's publication queue (事后公开): reported decisions waiting for the check of their masked text, the
/// soonest due first and the overdue marked; and what is published or withdrawn.</summary>
public sealed class IndexModel(ReviewService reviews, ReviewOptions options, Engine.Publication.Publications publications) : FashenPage(reviews, options)
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<PublicationRecord> Items { get; private set; } = [];

    public DateOnly Today => publications.Today;

    public string? Problem { get; private set; }

    public void OnGet()
    {
        var state = State switch
        {
            "published" => PublicationState.Published,
            "withdrawn" => PublicationState.Withdrawn,
            "all" => (PublicationState?)null,
            _ => PublicationState.Pending,
        };
        var outcome = publications.Queue(Caller, state, Q);
        if (!outcome.Succeeded)
        {
            Problem = outcome.Error!.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        Items = outcome.Value!;
    }
}
