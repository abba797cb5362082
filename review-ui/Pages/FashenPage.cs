using System.Globalization;
using Fashen.Engine.Reviews;
using Fashen.ReviewUi.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Fashen.ReviewUi.Pages;

/// <summary>What every signed-in page has: the caller (read afresh on every request, so a disabled
/// account or a changed role takes effect at once), the review service, and how to show times and names.</summary>
public abstract class FashenPage(ReviewService reviews, ReviewOptions options) : PageModel
{
    /// <summary>The workflow every page calls.</summary>
    public ReviewService Reviews { get; } = reviews;

    /// <summary>The service's settings: its time zone above all.</summary>
    public ReviewOptions Options { get; } = options;

    /// <summary>The signed-in person.</summary>
    public Caller Caller { get; private set; } = null!;

    /// <summary>A message left by the action before the redirect (“已保存”).</summary>
    [TempData]
    public string? Flash { get; set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var people = HttpContext.RequestServices.GetRequiredService<IPeopleDirectory>();
        if (people.Resolve(User) is not { IsCaseSystem: false } caller)
        {
            await HttpContext.SignOutAsync(ReviewUiSetup.CookieScheme);
            context.Result = new RedirectToPageResult("/SignIn", new { returnUrl = Request.Path + Request.QueryString });
            return;
        }

        Caller = caller;
        ViewData[LayoutData.CallerKey] = caller;
        await next();
    }

    /// <summary>A moment in the service's time zone, to the minute.</summary>
    public string Time(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Options.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A date as written in documents: 2026-03-02.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Why a due date is provisional (暂定), or null when it is official: a date in a year whose holiday arrangement is not
    /// loaded was counted from the statutory holidays, and is counted again when the arrangement comes (so a stored date is
    /// provisional exactly while its year is missing).</summary>
    public string? ProvisionalReason(DateOnly? due) =>
        due is { } day && Reviews.Catalogues.Calendar is { } calendar && calendar.IsProvisional(day.Year)
            ? Fashen.Engine.Calendar.WorkingCalendar.ProvisionalReason([day.Year])
            : null;

    /// <summary>A department's name, as its catalogue gives it, or its id when no catalogue is loaded for it.</summary>
    public string DepartmentName(string department) =>
        Reviews.Catalogues.Shown(department, Reviews.Today)?.Catalogue.Name ?? department;

    /// <summary>The departments the caller may see, id and name, in catalogue order.</summary>
    public IReadOnlyList<(string Id, string Name)> VisibleDepartments() =>
        Reviews.Catalogues.Departments.Where(Caller.CanAccess).Select(id => (id, DepartmentName(id))).ToList();
}
