using System.Security.Claims;
using Fashen.Engine.Access;
using Fashen.Engine.Reviews;
using Fashen.ReviewUi.Access;

namespace Fashen.Api.Access;

/// <summary>People's sign-in and identity, one implementation for the API's tokens and the pages' cookie:
/// the same accounts, the same password check, the same claims.</summary>
public sealed class PeopleDirectory(IAccountStore accounts, CallerResolver callers, SignInThrottle throttle) : IPeopleDirectory
{
    public SignInAttempt SignIn(string username, string password, string authenticationScheme, string? client)
    {
        // Checked before the password, so that guessing goes no further while locked.
        if (throttle.LockedFor(username, client) is { } locked)
        {
            return new SignInAttempt(null, locked);
        }

        if (accounts.FindAccount(username) is not { Disabled: false } account || !Credentials.PasswordMatches(account, password))
        {
            throttle.Failed(username, client);
            return new SignInAttempt(null);
        }

        throttle.Succeeded(username);

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id),
                new Claim(ClaimTypes.Name, account.Username),
                new Claim(CallerResolver.KindClaim, CallerResolver.PersonKind),
            ],
            authenticationScheme);
        return new SignInAttempt(new ClaimsPrincipal(identity));
    }

    public Caller? Resolve(ClaimsPrincipal user) => callers.Resolve(user);
}
