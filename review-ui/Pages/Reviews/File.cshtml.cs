using Fashen.Engine.Documents;
using Fashen.Engine.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Fashen.ReviewUi.Pages.Reviews;

/// <summary>A document of a review's case file, for the review page: shown inline (PDFs and images in the page, audio and
/// video played by range), or downloaded; only to someone who may see the review, and every opening recorded.</summary>
public sealed class ReviewFileModel(ReviewService reviews, ReviewOptions options, CaseFiles files) : FashenPage(reviews, options)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string Sha256 { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public bool Download { get; set; }

    public IActionResult OnGet()
    {
        var review = Reviews.Get(Caller, Id);
        if (!review.Succeeded)
        {
            return review.Error!.Kind == ReviewErrorKind.Forbidden ? Forbid() : NotFound();
        }

        var opened = files.OpenInReview(Caller, review.Value!, Sha256.ToLowerInvariant(), CaseFiles.IsOpening(Request.Headers.Range.ToString()));
        if (!opened.Succeeded)
        {
            return NotFound();
        }

        var (file, content, document) = opened.Value;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue(Download ? "attachment" : "inline") { FileNameStar = document.FileName }.ToString();
        Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        return new FileStreamResult(content, file.ContentType)
        {
            EntityTag = new EntityTagHeaderValue($"\"{file.Sha256}\""),
            EnableRangeProcessing = true,
        };
    }
}
