using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Fashen.Api.Catalogues;
using Fashen.Engine.Access;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Grammar.Diagnostics;
using Fashen.ReviewUi.Access;

namespace Fashen.Api.Access;

/// <summary>The admin pages' accounts, API keys and catalogue reload, with the same secrets and checks as the command line
/// (<c>fashen accounts</c>). Every change is recorded (<c>account.*</c>, <c>api_key.*</c>), without a secret; a password or key
/// is returned once.</summary>
public sealed class Administration(IAccountStore accounts, IReviewStore record, CatalogueProvider catalogues, ReviewService reviews, TimeProvider clock)
    : IAdministration
{
    /// <summary>The longest display name or API key name.</summary>
    public const int MaxNameLength = 50;

    /// <inheritdoc/>
    public IReadOnlyList<Account> Accounts(Caller admin) => admin.Has(Role.Admin) ? accounts.Accounts() : [];

    /// <inheritdoc/>
    public IReadOnlyList<ApiClient> ApiClients(Caller admin) => admin.Has(Role.Admin) ? accounts.ApiClients() : [];

    /// <inheritdoc/>
    public Outcome<(Account Account, string Password)> CreateAccount(Caller admin, AccountInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Refusal(admin, "新建账号") is { } refused)
        {
            return refused;
        }

        if (PersonNames.NormalizeUsername(input.Username, out var username) is { } badName)
        {
            return Invalid(badName.TrimEnd('。'));
        }

        if (accounts.FindAccount(username) is not null)
        {
            return Invalid($"登录名“{username}”已有人使用");
        }

        if (Problem(input) is { } problem)
        {
            return Invalid(problem);
        }

        var password = Credentials.NewPassword();
        var account = new Account(
            "A" + RandomNumberGenerator.GetHexString(16, lowercase: true), username, Name(input), string.Empty, input.Roles.Distinct().ToList(),
            Departments(input), input.FirstTimeReviewer, input.LegalQualification, Disabled: false);
        account = account with { PasswordHash = Credentials.HashPassword(account, password) };
        accounts.SaveAccount(account);
        Record(admin, "account.created", Described(account));
        return (account, password);
    }

    /// <inheritdoc/>
    public Outcome<Account> ChangeAccount(Caller admin, string username, AccountInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = Find(admin, username, "修改账号");
        if (!found.Succeeded)
        {
            return found;
        }

        if (Problem(input) is { } problem)
        {
            return Invalid(problem);
        }

        var account = found.Value! with
        {
            DisplayName = Name(input),
            Roles = input.Roles.Distinct().ToList(),
            Departments = Departments(input),
            FirstTimeReviewer = input.FirstTimeReviewer,
            LegalQualification = input.LegalQualification,
        };

        // The last admin keeps the role: otherwise nobody could manage accounts any more but from the command line.
        if (!account.Roles.Contains(Role.Admin) && LastAdmin(found.Value!))
        {
            return Invalid("这是唯一的管理员账号，不能去掉管理员角色");
        }

        accounts.SaveAccount(account);
        Record(admin, "account.changed", Described(account));
        return account;
    }

    /// <inheritdoc/>
    public Outcome<Account> SetAccountDisabled(Caller admin, string username, bool disabled)
    {
        var found = Find(admin, username, disabled ? "停用账号" : "启用账号");
        if (!found.Succeeded)
        {
            return found;
        }

        if (disabled && (found.Value!.Id == admin.Actor.Id || LastAdmin(found.Value)))
        {
            return Invalid(found.Value.Id == admin.Actor.Id ? "不能停用自己的账号" : "这是唯一的管理员账号，不能停用");
        }

        var account = found.Value! with { Disabled = disabled };
        accounts.SaveAccount(account);
        Record(admin, disabled ? "account.disabled" : "account.enabled", Described(account));
        return account;
    }

    /// <inheritdoc/>
    public Outcome<string> ResetPassword(Caller admin, string username)
    {
        var found = Find(admin, username, "重置密码");
        if (!found.Succeeded)
        {
            return found.Error!;
        }

        var password = Credentials.NewPassword();
        var account = found.Value!;
        accounts.SaveAccount(account with { PasswordHash = Credentials.HashPassword(account, password) });
        Record(admin, "account.password_reset", new JsonObject { ["username"] = account.Username, ["name"] = account.DisplayName });
        return password;
    }

    /// <inheritdoc/>
    public Outcome<(ApiClient Client, string Key)> CreateApiKey(Caller admin, string name, IReadOnlyList<string> departments)
    {
        if (Refusal(admin, "新建 API 密钥") is { } refused)
        {
            return refused;
        }

        var clean = name.Trim();
        var scope = departments.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct().ToList();
        if (clean.Length is 0 or > MaxNameLength)
        {
            return Invalid($"案件系统的名称应为 1 至 {MaxNameLength} 个字");
        }

        if (scope.Count == 0 || scope.Contains(Caller.AllDepartments) || scope.Any(d => !reviews.Catalogues.Departments.Contains(d)))
        {
            return Invalid($"请选择案件系统所属的部门（{string.Join("、", reviews.Catalogues.Departments)} 之一或几个）");
        }

        var (client, key) = Credentials.NewApiKey(clean, scope);
        accounts.SaveApiClient(client);
        Record(admin, "api_key.created", Described(client));
        return (client, key);
    }

    /// <inheritdoc/>
    public Outcome<ApiClient> RevokeApiKey(Caller admin, string id)
    {
        var found = FindClient(admin, id, "停用 API 密钥");
        if (!found.Succeeded)
        {
            return found;
        }

        var client = found.Value! with { Disabled = true };
        accounts.SaveApiClient(client);
        Record(admin, "api_key.revoked", Described(client));
        return client;
    }

    /// <inheritdoc/>
    public Outcome<(ApiClient Client, string Key)> RotateApiKey(Caller admin, string id)
    {
        var found = FindClient(admin, id, "更换 API 密钥");
        if (!found.Succeeded)
        {
            return found.Error!;
        }

        var (client, key) = Credentials.RotateApiKey(found.Value!);
        accounts.SaveApiClient(client);
        Record(admin, "api_key.rotated", Described(client));
        return (client, key);
    }

    /// <inheritdoc/>
    public Outcome<ReloadReport> ReloadCatalogues(Caller admin)
    {
        if (Refusal(admin, "重新载入目录清单") is { } refused)
        {
            return refused;
        }

        var reload = catalogues.Reload();
        reviews.RecordCatalogueLoad(admin, reload.Errors);
        return new ReloadReport(
            reload.Errors,
            reload.Changed,
            DiagnosticRenderer.Render(reload.Diagnostics, reload.Workspace.Source),
            reload.Diagnostics.Count == 0 ? "没有发现问题" : DiagnosticRenderer.Summary(reload.Diagnostics));
    }

    private static ReviewError? Refusal(Caller admin, string action) =>
        admin.Has(Role.Admin) ? null : ReviewErrors.RoleRequired(action, Role.Admin.ToChinese());

    private static ReviewError Invalid(string problem) => ReviewErrors.AdministrationInvalid(problem);

    private Outcome<Account> Find(Caller admin, string username, string action)
    {
        if (Refusal(admin, action) is { } refused)
        {
            return refused;
        }

        return accounts.FindAccount(username) is { } account ? account : Invalid($"没有登录名为“{username}”的账号");
    }

    private Outcome<ApiClient> FindClient(Caller admin, string id, string action)
    {
        if (Refusal(admin, action) is { } refused)
        {
            return refused;
        }

        return accounts.FindApiClient(id) is { } client ? client : Invalid($"没有编号为“{id}”的 API 密钥");
    }

    private string? Problem(AccountInput input)
    {
        var name = input.DisplayName.Trim();
        if (name.Length is 0 or > MaxNameLength || PersonNames.NormalizeName(name, out _) is not null)
        {
            return $"姓名应为 1 至 {MaxNameLength} 个字，不含看不见的字符";
        }

        if (input.Roles.Count == 0)
        {
            return "请至少选择一个角色";
        }

        var departments = Departments(input);
        return departments.Count == 0 || departments.Any(d => d != Caller.AllDepartments && !reviews.Catalogues.Departments.Contains(d))
            ? $"请选择所属部门（全部部门，或 {string.Join("、", reviews.Catalogues.Departments)} 中的一个或几个）"
            : null;
    }

    // The name as records and documents show it: normalised as the command line and submissions normalise names (NFKC, spaces
    // made one), so that the same person is written one way.
    private static string Name(AccountInput input)
    {
        PersonNames.NormalizeName(input.DisplayName, out var name);
        return name;
    }

    private static List<string> Departments(AccountInput input)
    {
        var departments = input.Departments.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct().ToList();
        return departments.Contains(Caller.AllDepartments) ? [Caller.AllDepartments] : departments;
    }

    private bool LastAdmin(Account account) =>
        account.Roles.Contains(Role.Admin) && !accounts.Accounts().Any(a => a.Id != account.Id && !a.Disabled && a.Roles.Contains(Role.Admin));

    private static JsonObject Described(Account account) => new()
    {
        ["username"] = account.Username,
        ["name"] = account.DisplayName,
        ["roles"] = new JsonArray([.. account.Roles.Select(r => (JsonNode)r.ToWire())]),
        ["departments"] = new JsonArray([.. account.Departments.Select(d => (JsonNode)d)]),
        ["firstTimeReviewer"] = account.FirstTimeReviewer,
        ["legalQualification"] = account.LegalQualification,
        ["disabled"] = account.Disabled,
    };

    private static JsonObject Described(ApiClient client) => new()
    {
        ["id"] = client.Id,
        ["name"] = client.Name,
        ["departments"] = new JsonArray([.. client.Departments.Select(d => (JsonNode)d)]),
        ["disabled"] = client.Disabled,
    };

    private void Record(Caller admin, string type, JsonObject data) =>
        record.Append(new AppendBatch(clock.GetUtcNow(), [new PendingEntry(type, null, null, admin.Actor, CanonicalJson.Serialize(data))]));
}
