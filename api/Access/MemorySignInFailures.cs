using System.Collections.Concurrent;
using Fashen.Store;

namespace Fashen.Api.Access;

/// <summary>Failed sign-ins counted in this process: for a store that one instance owns (LiteDB).</summary>
public sealed class MemorySignInFailures : ISignInFailures
{
    private readonly ConcurrentDictionary<string, SignInFailureCount> _failures = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public SignInFailureCount Add(string key, DateTimeOffset at, TimeSpan window) => _failures.AddOrUpdate(
        key,
        _ => new SignInFailureCount(1, at),
        (_, last) => at - last.Last > window ? new SignInFailureCount(1, at) : new SignInFailureCount(last.Count + 1, at));

    /// <inheritdoc/>
    public SignInFailureCount? Find(string key) => _failures.GetValueOrDefault(key);

    /// <inheritdoc/>
    public void Forget(string key) => _failures.TryRemove(key, out _);

    /// <inheritdoc/>
    public void ForgetBefore(DateTimeOffset before)
    {
        foreach (var (key, failures) in _failures)
        {
            if (failures.Last < before)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }
}
