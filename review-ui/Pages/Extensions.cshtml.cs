using Fashen.Engine.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace Fashen.ReviewUi.Pages;

/// <summary>The head's (负责人) list of extension requests, each approved or refused with a reason.</summary>
public sealed class ExtensionsModel(ReviewService reviews, ReviewOptions options) : FashenPage(reviews, options)
{
    [BindProperty]
    public string? ReviewId { get; set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<Review> Pending { get; private set; } = [];

    public string? Problem { get; private set; }

    public void OnGet() => Load();

    public IActionResult OnPost()
    {
        var approved = Decision == "approve";
        if (Decision is not ("approve" or "refuse"))
        {
            ModelState.AddModelError(nameof(Decision), "请选择同意延期或不同意延期。");
            Load();
            return Page();
        }

        var outcome = Reviews.DecideExtension(Caller, ReviewId ?? string.Empty, Version, approved, Reason);
        if (outcome.Succeeded)
        {
            Flash = $"{outcome.Value!.CaseId}：{(approved ? "已同意延期" : "已不同意延期")}。";
            return RedirectToPage();
        }

        ModelState.AddModelError(outcome.Error!.Code == "FS5022" ? nameof(Reason) : string.Empty, outcome.Error.Message);
        Load();
        return Page();
    }

    private void Load()
    {
        if (!Caller.Has(Role.Head))
        {
            Problem = ReviewErrors.RoleRequired("审批延期申请", Role.Head.ToChinese()).Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var page = Reviews.Query(Caller, new ReviewQuery { ExtensionPendingOnly = true, PageSize = 200 });
        Pending = page.Value?.Items.Select(i => Reviews.Get(Caller, i.ReviewId).Value).OfType<Review>().ToList() ?? [];
        Problem = page.Error?.Message;
    }
}
