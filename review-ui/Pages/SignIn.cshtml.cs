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

        var attempt = people.SignIn(Username!.Trim(), Password!, ReviewUiSetup.CookieScheme, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (attempt.LockedFor is { } locked)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(string.Empty, $"登录失败次数过多，已暂停登录，请 {Math.Max(1, (int)Math.Ceiling(locked.TotalMinutes))} 分钟后再试。");
            return Page();
        }

        if (attempt.InvalidUsername is { } invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ModelState.AddModelError(string.Empty, invalid);
            return Page();
        }

        if (attempt.Principal is not { } principal)
        {
            ModelState.AddModelError(string.Empty, "用户名或密码错误，或账号已停用。");
            return Page();
        }

        await HttpContext.SignInAsync(ReviewUiSetup.CookieScheme, principal);

        // Only a path on this site: a link that signs people in and sends them elsewhere is refused.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
