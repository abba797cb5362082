using Fashen.Engine.Access;
using Fashen.Engine.Integrity;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.ReviewUi.Access;
using Microsoft.AspNetCore.Mvc;

namespace Fashen.ReviewUi.Pages.Admin;

/// <summary>系统管理, the legal-office admin's page: accounts, API keys, the catalogues and the record's verification, in four
/// sections. A password or key made here is shown on the answer to the post that made it, once, and kept nowhere but as a hash;
/// every change is recorded by <see cref="IAdministration"/>.</summary>
public sealed class IndexModel(ReviewService reviews, ReviewOptions options, IAdministration administration) : FashenPage(reviews, options)
{
    /// <summary>The sections, in order: key and title.</summary>
    public static readonly (string Key, string Title)[] Sections = [("accounts", "账号"), ("keys", "API 密钥"), ("catalogues", "目录清单"), ("record", "全过程记录")];

    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public List<string> Departments { get; set; } = [];

    [BindProperty]
    public bool FirstTimeReviewer { get; set; }

    [BindProperty]
    public bool LegalQualification { get; set; }

    [BindProperty]
    public bool Disable { get; set; }

    [BindProperty]
    public string? KeyName { get; set; }

    [BindProperty]
    public string? KeyId { get; set; }

    /// <summary>Anchors kept from earlier verifications, one per line.</summary>
    [BindProperty]
    public string? Anchors { get; set; }

    public string Current => Sections.Any(s => s.Key == Section) ? Section! : "accounts";

    /// <summary>A secret made by this post (a one-time password or an API key), with what it is for; shown once.</summary>
    public (string For, string Secret)? Secret { get; private set; }

    public string? Done { get; private set; }

    public string? Problem { get; private set; }

    public ReloadReport? Reload { get; private set; }

    public RecordAuditResult? Verification { get; private set; }

    public IReadOnlyList<Account> AccountList => administration.Accounts(Caller);

    public IReadOnlyList<ApiClient> KeyList => administration.ApiClients(Caller);

    public IActionResult OnGet() => Allowed() ?? Page();

    public IActionResult OnPostCreateAccount() => Show("accounts", administration.CreateAccount(Caller, Input()), made =>
    {
        Secret = ($"{made.Account.DisplayName}（{made.Account.Username}）的初始密码", made.Password);
        return $"已新建账号 {made.Account.Username}。";
    });

    public IActionResult OnPostChangeAccount() => Show("accounts", administration.ChangeAccount(Caller, Username ?? string.Empty, Input()), a => $"已修改 {a.Username} 的账号。");

    public IActionResult OnPostDisableAccount() => Show("accounts", administration.SetAccountDisabled(Caller, Username ?? string.Empty, Disable), a =>
        a.Disabled ? $"已停用 {a.Username}：不能再登录，已登录的也立即失效。" : $"已启用 {a.Username}。");

    public IActionResult OnPostResetPassword() => Show("accounts", administration.ResetPassword(Caller, Username ?? string.Empty), password =>
    {
        Secret = ($"{Username} 的一次性密码", password);
        return $"已重置 {Username} 的密码。";
    });

    public IActionResult OnPostCreateKey() => Show("keys", administration.CreateApiKey(Caller, KeyName ?? string.Empty, Departments), made =>
    {
        Secret = ($"{made.Client.Name} 的 API 密钥", made.Key);
        return $"已新建 API 密钥 {made.Client.Id}。";
    });

    public IActionResult OnPostRotateKey() => Show("keys", administration.RotateApiKey(Caller, KeyId ?? string.Empty), made =>
    {
        Secret = ($"{made.Client.Name} 的新 API 密钥", made.Key);
        return $"已更换 {made.Client.Id} 的密钥，原密钥已失效。";
    });

    public IActionResult OnPostRevokeKey() => Show("keys", administration.RevokeApiKey(Caller, KeyId ?? string.Empty), c => $"已停用 API 密钥 {c.Id}，该案件系统不能再调用。");

    public IActionResult OnPostReload() => Show("catalogues", administration.ReloadCatalogues(Caller), report =>
    {
        Reload = report;
        return report.Errors > 0 ? null : report.Changed ? "目录清单已重新载入。" : "目录清单没有变化。";
    });

    public IActionResult OnPostVerify()
    {
        Section = "record";
        if (Allowed() is { } refused)
        {
            return refused;
        }

        var lines = (Anchors ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!ChainAnchor.TryParseAll(lines, out var anchors, out var malformed))
        {
            Problem = $"“{malformed}”不是校验时留存的“序号:链头”（例如 1024:sha256: 后跟 64 位十六进制数）。";
            return Page();
        }

        var outcome = Reviews.VerifyRecord(Caller, anchors);
        Verification = outcome.Value;
        Problem = outcome.Error?.Message;
        return Page();
    }

    /// <summary>Whether a role is chosen in the form (kept after a refusal).</summary>
    public bool Chosen(Role role, Account? account = null) => account is null ? Roles.Contains(role.ToWire()) : account.Roles.Contains(role);

    private AccountInput Input() => new(
        Username ?? string.Empty,
        DisplayName ?? string.Empty,
        Roles.Select(r => Enum.TryParse<Role>(r, ignoreCase: true, out var role) ? role : (Role?)null).OfType<Role>().ToList(),
        Departments,
        FirstTimeReviewer,
        LegalQualification);

    private IActionResult? Allowed()
    {
        if (Caller.Has(Role.Admin))
        {
            return null;
        }

        Problem = "系统管理只有法制机构管理员可以使用。";
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    // The answer to a post: the page again, with what was done (and a secret made, once) or why not, the form kept.
    private IActionResult Show<T>(string section, Outcome<T> outcome, Func<T, string?> done)
    {
        Section = section;
        if (Allowed() is { } refused)
        {
            return refused;
        }

        if (outcome.Succeeded)
        {
            Done = done(outcome.Value!);
            ModelState.Clear();
        }
        else
        {
            Problem = outcome.Error!.Message;
        }

        return Page();
    }
}
