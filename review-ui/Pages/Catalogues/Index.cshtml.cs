using Fashen.Engine.Reviews;

namespace Fashen.ReviewUi.Pages.Catalogues;

/// <summary>The catalogues in force, one per department.</summary>
public sealed class IndexModel(ReviewService reviews, ReviewOptions options) : FashenPage(reviews, options)
{
    public void OnGet()
    {
    }
}
