using Fashen.Store;

namespace Fashen.Api.Access;

/// <summary>Sign-in attempts counted in this process: for a store that one instance owns (LiteDB).</summary>
public sealed class MemorySignInFailures : ISignInFailures
{
    private readonly Dictionary<string, SignInAdmission> _failures = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    /// <remarks>Under one lock, so that parallel attempts are admitted one after the other.</remarks>
    public SignInAdmission Admit(string key, int limit, DateTimeOffset at, TimeSpan window)
    {
        lock (_failures)
        {
            if (!_failures.TryGetValue(key, out var counted) || at - counted.Last >= window)
            {
                return _failures[key] = new SignInAdmission(true, 1, at);
            }

            if (counted.Count >= limit)
            {
                return counted with { Admitted = false };
            }

            return _failures[key] = new SignInAdmission(true, counted.Count + 1, at > counted.Last ? at : counted.Last);
        }
    }

    /// <inheritdoc/>
    public void Succeeded(string key, bool forgetAll)
    {
        lock (_failures)
        {
            if (forgetAll)
            {
                _failures.Remove(key);
            }
            else if (_failures.TryGetValue(key, out var counted) && counted.Count > 0)
            {
                _failures[key] = counted with { Count = counted.Count - 1 };
            }
        }
    }

    /// <inheritdoc/>
    public void ForgetBefore(DateTimeOffset before)
    {
        lock (_failures)
        {
            foreach (var (key, counted) in _failures.Where(f => f.Value.Last < before).ToList())
            {
                _failures.Remove(key);
            }
        }
    }
}
