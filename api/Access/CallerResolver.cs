using System.Security.Claims;
using Fashen.Engine.Access;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Access;

/// <summary>Turns an authenticated request into the workflow's <see cref="Caller"/>, reading the account
/// or API client afresh so that a disabled account or changed role takes effect at once.</summary>
public sealed class CallerResolver(IAccountStore accounts)
{
    public const string KindClaim = "fashen:kind";
    public const string CaseSystemKind = "case_system";
    public const string PersonKind = "person";

    /// <summary>Resolves the caller of a request. A case system's API client was read from the store by this same
    /// request's authentication, so it is used as read, not read a second time.</summary>
    public Caller? Resolve(HttpContext context) =>
        context.Items.TryGetValue(typeof(ApiClient), out var item) && item is ApiClient { Disabled: false } client
            && context.User.FindFirstValue(KindClaim) == CaseSystemKind && context.User.FindFirstValue(ClaimTypes.NameIdentifier) == client.Id
            ? ForClient(client)
            : Resolve(context.User);

    public Caller? Resolve(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }

        if (user.FindFirstValue(KindClaim) == CaseSystemKind)
        {
            return accounts.FindApiClient(id) is { Disabled: false } client ? ForClient(client) : null;
        }

        var username = user.FindFirstValue(ClaimTypes.Name);
        return username is not null && accounts.FindAccount(username) is { Disabled: false } account && account.Id == id
            ? ForAccount(account)
            : null;
    }

    private static Caller ForClient(ApiClient client) =>
        new(new Actor(ActorKind.CaseSystem, client.Id, client.Name), new HashSet<Role>(), client.Departments);

    public static Caller ForAccount(Account account) => new(
        new Actor(ActorKind.Person, account.Id, account.DisplayName),
        account.Roles.ToHashSet(),
        account.Departments,
        account.FirstTimeReviewer,
        account.LegalQualification);
}
