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

    public Caller? Resolve(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }

        if (user.FindFirstValue(KindClaim) == CaseSystemKind)
        {
            return accounts.FindApiClient(id) is { Disabled: false } client
                ? new Caller(new Actor(ActorKind.CaseSystem, client.Id, client.Name), new HashSet<Role>(), client.Departments)
                : null;
        }

        var username = user.FindFirstValue(ClaimTypes.Name);
        return username is not null && accounts.FindAccount(username) is { Disabled: false } account && account.Id == id
            ? ForAccount(account)
            : null;
    }

    public static Caller ForAccount(Account account) => new(
        new Actor(ActorKind.Person, account.Id, account.DisplayName),
        account.Roles.ToHashSet(),
        account.Departments,
        account.FirstTimeReviewer,
        account.LegalQualification);
}
