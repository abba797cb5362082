using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fashen.ReviewUi.Pages;

/// <summary>Signs out; only by a form post (with its antiforgery token), never by following a link.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ReviewUiSetup.CookieScheme);
        return RedirectToPage("/SignIn");
    }
}
