using System.Security.Claims;
using Fashen.Engine.Access;
using Fashen.Engine.Reviews;
using Fashen.ReviewUi.Access;

namespace Fashen.Api.Access;

/// <summary>People's sign-in and identity, one implementation for the API's tokens and the pages' cookie:
/// the same accounts, the same password check, the same claims.</summary>
public sealed class PeopleDirectory(IAccountStore accounts, CallerResolver callers, SignInThrottle throttle, PasswordCheck passwords) : IPeopleDirectory
{
    public SignInAttempt SignIn(string username, string password, string authenticationScheme, string? client)
    {
        // One name, one account: ｌｉ.ｍｉｎ is li.min, and a name with a character nobody sees is no name at all, not another
        // account's allowance of guesses.
        if (PersonNames.NormalizeUsername(username, out var name) is { } invalid)
        {
            return new SignInAttempt(null, InvalidUsername: invalid);
        }

        // Admitted (and counted as a failure) before the password is checked, in one step, so that guessing goes no further
        // while locked, however many guesses arrive at once.
        if (throttle.Admit(name, client) is { } locked)
        {
            return new SignInAttempt(null, locked);
        }

        // The password is checked even when there is no such account, so that a failure takes as long either way.
        var account = accounts.FindAccount(name);
        if (!passwords.Matches(account, password) || account is not { Disabled: false })
        {
            return new SignInAttempt(null);
        }

        throttle.Succeeded(name, client);

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
