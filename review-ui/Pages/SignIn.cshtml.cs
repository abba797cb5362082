using System.ComponentModel.DataAnnotations;
using Fashen.ReviewUi.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fashen.ReviewUi.Pages;

public sealed class SignInModel(IPeopleDirectory people) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "请输入用户名。")]
    public string? Username { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "请输入密码。")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (people.SignIn(Username!.Trim(), Password!, ReviewUiSetup.CookieScheme) is not { } principal)
        {
            ModelState.AddModelError(string.Empty, "用户名或密码错误，或账号已停用。");
            return Page();
        }

        await HttpContext.SignInAsync(ReviewUiSetup.CookieScheme, principal);

        // Only a path on this site: a link that signs people in and sends them elsewhere is refused.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
