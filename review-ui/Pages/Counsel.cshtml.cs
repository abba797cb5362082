using Fashen.Engine.Reviews;

namespace Fashen.ReviewUi.Pages;

/// <summary>Legal counsel's list: reviews that need a counsel opinion before they can be passed.</summary>
public sealed class CounselModel(ReviewService reviews, ReviewOptions options) : FashenPage(reviews, options)
{
    public ReviewPage Awaiting { get; private set; } = new([], 0);

    public string? Problem { get; private set; }

    public void OnGet()
    {
        if (!Caller.Has(Role.Counsel))
        {
            Problem = ReviewErrors.RoleRequired("查看待提出意见的审核", Role.Counsel.ToChinese()).Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var outcome = Reviews.Query(Caller, new ReviewQuery { CounselPendingOnly = true, PageSize = 200 });
        Awaiting = outcome.Value ?? Awaiting;
        Problem = outcome.Error?.Message;
    }
}
