using System.Collections.Concurrent;

namespace Fashen.Api.Access;

/// <summary>Slows password guessing: after <see cref="FashenOptions.SignInFailures"/> failed sign-ins to one
/// account, or four times as many from one address, within <see cref="FashenOptions.SignInLockout"/>, further
/// attempts are refused — even with the right password — until that long after the last failure.</summary>
/// <remarks>Kept in memory, per instance: a restart forgets it. The clock is injected.</remarks>
public sealed class SignInThrottle(TimeProvider clock, FashenOptions options)
{
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);
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

        // Guesses at made-up names from many addresses would otherwise fill memory: now and then, failures
        // older than the lockout, which no longer count, are forgotten.
        if (Interlocked.Increment(ref _recorded) % 1024 == 0)
        {
            foreach (var (key, failures) in _failures)
            {
                if (now - failures.Last > options.SignInLockout)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }

        Add(Key("account", username), now);
        if (client is not null)
        {
            Add(Key("client", client), now);
        }
    }

    /// <summary>Records a successful sign-in: the account's failures are forgotten.</summary>
    /// <param name="username">The account's sign-in name.</param>
    public void Succeeded(string username) => _failures.TryRemove(Key("account", username), out _);

    private static string Key(string kind, string value) => kind + ":" + value.Trim().ToLowerInvariant();

    private void Add(string key, DateTimeOffset now) => _failures.AddOrUpdate(
        key,
        _ => new Failures(1, now),
        (_, f) => now - f.Last > options.SignInLockout ? new Failures(1, now) : new Failures(f.Count + 1, now));

    private TimeSpan? Left(string key, int limit, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures) || failures.Count < limit)
        {
            return null;
        }

        var left = failures.Last + options.SignInLockout - now;
        return left > TimeSpan.Zero ? left : null;
    }

    private sealed record Failures(int Count, DateTimeOffset Last);
}
