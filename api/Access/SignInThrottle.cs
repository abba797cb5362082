using Fashen.Store;

namespace Fashen.Api.Access;

/// <summary>Slows password guessing: after <see cref="FashenOptions.SignInFailures"/> failed sign-ins to one
/// account, or four times as many from one address, within <see cref="FashenOptions.SignInLockout"/>, further
/// attempts are refused — even with the right password — until that long after the last failure.</summary>
/// <remarks>The failures are counted where the store says: in the shared store when several instances use it (a
/// guesser spreading attempts over the instances behind a load balancer gains nothing), else in memory, where a
/// restart forgets them. The clock is injected.</remarks>
public sealed class SignInThrottle(TimeProvider clock, FashenOptions options, ISignInFailures failures)
{
    private int _recorded;

    /// <summary>Tells how long sign-in stays refused for an account or address, or null when it is allowed.</summary>
    /// <param name="username">The account's sign-in name.</param>
    /// <param name="client">The client's address, or null.</param>
    /// <returns>The time left, or null.</returns>
    public TimeSpan? LockedFor(string username, string? client)
    {
        var now = clock.GetUtcNow();
        var account = Left(Key("account", username), options.SignInFailures, now);
        var address = client is null ? null : Left(Key("client", client), options.SignInFailures * 4, now);
        return account is null ? address : address is null ? account : account > address ? account : address;
    }

    /// <summary>Records a failed sign-in.</summary>
    /// <param name="username">The account's sign-in name.</param>
    /// <param name="client">The client's address, or null.</param>
    public void Failed(string username, string? client)
    {
        var now = clock.GetUtcNow();

        // Guesses at made-up names from many addresses would otherwise fill the count: now and then, failures
        // older than the lockout, which no longer count, are forgotten.
        if (Interlocked.Increment(ref _recorded) % 1024 == 0)
        {
            failures.ForgetBefore(now - options.SignInLockout);
        }

        failures.Add(Key("account", username), now, options.SignInLockout);
        if (client is not null)
        {
            failures.Add(Key("client", client), now, options.SignInLockout);
        }
    }

    /// <summary>Records a successful sign-in: the account's failures are forgotten.</summary>
    /// <param name="username">The account's sign-in name.</param>
    public void Succeeded(string username) => failures.Forget(Key("account", username));

    // Names differing only in case count together: a guesser gains nothing by changing the case of a name.
    private static string Key(string kind, string value) => kind + ":" + value.Trim().ToLowerInvariant();

    private TimeSpan? Left(string key, int limit, DateTimeOffset now)
    {
        if (failures.Find(key) is not { } found || found.Count < limit)
        {
            return null;
        }

        var left = found.Last + options.SignInLockout - now;
        return left > TimeSpan.Zero ? left : null;
    }
}
