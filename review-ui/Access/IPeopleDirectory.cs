using System.Security.Claims;
using Fashen.Engine.Reviews;

namespace Fashen.ReviewUi.Access;

/// <summary>What the pages need from the host about people: checking a password at sign-in, and turning
/// a signed-in user back into the workflow's caller. The host implements it with the same accounts and
/// password hashing as the API's sign-in, so the two never disagree.</summary>
public interface IPeopleDirectory
{
    /// <summary>Checks a username and password.</summary>
    /// <param name="username">The sign-in name.</param>
    /// <param name="password">The password.</param>
    /// <param name="authenticationScheme">The scheme the principal is for.</param>
    /// <returns>The principal to sign in, or null when the name or password is wrong or the account is disabled.</returns>
    ClaimsPrincipal? SignIn(string username, string password, string authenticationScheme);

    /// <summary>Turns a signed-in user into the caller the workflow checks, reading the account afresh.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The caller, or null when the account no longer exists or is disabled.</returns>
    Caller? Resolve(ClaimsPrincipal user);
}
