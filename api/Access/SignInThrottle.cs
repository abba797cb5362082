using Fashen.Store;

namespace Fashen.Api.Access;

/// <summary>Slows password guessing: after <see cref="FashenOptions.SignInFailures"/> failed sign-ins to one
/// account, or four times as many from one address, within <see cref="FashenOptions.SignInLockout"/>, further
/// attempts are refused — even with the right password — until that long after the last failure.</summary>
/// <remarks>The attempts are counted where the store says: in the shared store when several instances use it (a
/// guesser spreading attempts over the instances behind a load balancer gains nothing), else in memory, where a
/// restart forgets them. Each attempt is admitted and counted as a failure in one step before its password is checked,
/// and taken back when the password was right: parallel guesses get no more password checks than the limit. The
/// clock is injected.</remarks>
public sealed class SignInThrottle(TimeProvider clock, FashenOptions options, ISignInFailures failures)
{
    private int _admitted;

    /// <summary>Admits a sign-in attempt, counting it as a failure until <see cref="Succeeded"/> says otherwise, or tells
    /// how long sign-in stays refused for the account or the address.</summary>
    /// <param name="username">The account's sign-in name.</param>
    /// <param name="client">The client's address, or null.</param>
    /// <returns>Null when the attempt may check its password; else the time left until it may.</returns>
    public TimeSpan? Admit(string username, string? client)
    {
        var now = clock.GetUtcNow();

        // Guesses at made-up names from many addresses would otherwise fill the count: now and then, failures
        // older than the lockout, which no longer count, are forgotten.
        if (Interlocked.Increment(ref _admitted) % 1024 == 0)
        {
            failures.ForgetBefore(now - options.SignInLockout);
        }

        // The address first: an attempt refused for its address is not counted against the account.
        if (client is not null && failures.Admit(Key("client", client), options.SignInFailures * 4, now, options.SignInLockout) is { Admitted: false } address)
        {
            return Left(address, now);
        }

        if (failures.Admit(Key("account", username), options.SignInFailures, now, options.SignInLockout) is { Admitted: false } account)
        {
            if (client is not null)
            {
                failures.Succeeded(Key("client", client), forgetAll: false);
            }

            return Left(account, now);
        }

        return null;
    }

    /// <summary>Records that an admitted attempt had the right password: the account's failures are forgotten, and the
    /// attempt no longer counts against its address.</summary>
    /// <param name="username">The account's sign-in name.</param>
    /// <param name="client">The client's address, or null.</param>
    public void Succeeded(string username, string? client)
    {
        failures.Succeeded(Key("account", username), forgetAll: true);
        if (client is not null)
        {
            failures.Succeeded(Key("client", client), forgetAll: false);
        }
    }

    // Names differing only in case count together: a guesser gains nothing by changing the case of a name.
    private static string Key(string kind, string value) => kind + ":" + value.Trim().ToLowerInvariant();

    // Locked until the lockout has passed since the last failure; at least a second, so that Retry-After is never 0.
    private TimeSpan Left(SignInAdmission locked, DateTimeOffset now)
    {
        var left = locked.Last + options.SignInLockout - now;
        return left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
    }
}
