using Fashen.Engine.Opinions;
using Fashen.Engine.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace Fashen.ReviewUi.Pages.Reviews;

/// <summary>The review opinion (法制审核意见书) of a decided review, laid out to print on A4: the same text as the PDF archived
/// in the case file (<see cref="OpinionDocument"/>), with a link to that PDF.</summary>
public sealed class OpinionModel(ReviewService reviews, ReviewOptions options, OpinionArchive opinions) : FashenPage(reviews, options)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public ArchivedOpinion? Opinion { get; private set; }

    public string? Unavailable { get; private set; }

    public void OnGet()
    {
        var found = opinions.Get(Caller, Id);
        if (!found.Succeeded)
        {
            Unavailable = found.Error!.Message;
            Response.StatusCode = found.Error.Kind switch
            {
                ReviewErrorKind.NotFound => StatusCodes.Status404NotFound,
                ReviewErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                ReviewErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status409Conflict,
            };
            return;
        }

        Opinion = found.Value!;
    }
}
