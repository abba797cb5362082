using System.Security.Claims;
using Fashen.Engine.Reviews;

namespace Fashen.ReviewUi.Access;

/// <summary>What the pages need from the host about people: checking a password at sign-in, and turning
/// a signed-in user back into the workflow's caller. The host implements it with the same accounts and
/// password hashing as the API's sign-in, so the two never disagree.</summary>
public interface IPeopleDirectory
{
    /// <summary>Checks a username and password, unless too many attempts have failed.</summary>
    /// <param name="username">The sign-in name.</param>
    /// <param name="password">The password.</param>
    /// <param name="authenticationScheme">The scheme the principal is for.</param>
    /// <param name="client">The client's address, for throttling guesses from one place; null when unknown.</param>
    /// <returns>The principal to sign in; or none, when the name or password is wrong or the account is
    /// disabled; or how long sign-in stays refused after too many failures.</returns>
    SignInAttempt SignIn(string username, string password, string authenticationScheme, string? client);

    /// <summary>Turns a signed-in user into the caller the workflow checks, reading the account afresh.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The caller, or null when the account no longer exists or is disabled.</returns>
    Caller? Resolve(ClaimsPrincipal user);
}

/// <summary>What a sign-in attempt gave.</summary>
/// <param name="Principal">The principal to sign in, or null.</param>
/// <param name="LockedFor">How long sign-in stays refused after too many failures, or null.</param>
/// <param name="InvalidUsername">Why the name typed cannot be a sign-in name (an invisible character in it), in Chinese, or null.</param>
public sealed record SignInAttempt(ClaimsPrincipal? Principal, TimeSpan? LockedFor = null, string? InvalidUsername = null);
