using System.Security.Claims;
using Fashen.Engine.Access;
using Fashen.Engine.Reviews;
using Fashen.ReviewUi.Access;

namespace Fashen.Api.Access;

/// <summary>People's sign-in and identity, one implementation for the API's tokens and the pages' cookie:
/// the same accounts, the same password check, the same claims.</summary>
public sealed class PeopleDirectory(IAccountStore accounts, CallerResolver callers) : IPeopleDirectory
{
    public ClaimsPrincipal? SignIn(string username, string password, string authenticationScheme)
    {
        if (accounts.FindAccount(username) is not { Disabled: false } account || !Credentials.PasswordMatches(account, password))
        {
            return null;
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id),
                new Claim(ClaimTypes.Name, account.Username),
                new Claim(CallerResolver.KindClaim, CallerResolver.PersonKind),
            ],
            authenticationScheme);
        return new ClaimsPrincipal(identity);
    }

    public Caller? Resolve(ClaimsPrincipal user) => callers.Resolve(user);
}
