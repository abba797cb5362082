using System.Security.Cryptography;
using System.Text;
using Fashen.Engine.Access;
using Microsoft.AspNetCore.Identity;

namespace Fashen.Api.Access;

/// <summary>Makes and checks secrets: API keys (<c>fsk_&lt;id&gt;_&lt;secret&gt;</c>, only the secret's SHA-256 kept)
/// and passwords (ASP.NET Core Identity's PBKDF2 hasher).</summary>
public static class Credentials
{
    private const string KeyPrefix = "fsk_";
    private static readonly PasswordHasher<Account> Passwords = new();

    /// <summary>Creates a new API key for a case system.</summary>
    /// <returns>The client record to store (without the secret) and the key to hand over once.</returns>
    public static (ApiClient Client, string Key) NewApiKey(string name, IReadOnlyList<string> departments)
    {
        var id = RandomNumberGenerator.GetHexString(10, lowercase: true);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new ApiClient(id, name, Hash(secret), departments, Disabled: false), $"{KeyPrefix}{id}_{secret}");
    }

    /// <summary>Gives an API client a new secret, keeping its id (its record, its webhooks): the old key stops working at once.</summary>
    /// <returns>The client record to store and the new key to hand over once.</returns>
    public static (ApiClient Client, string Key) RotateApiKey(ApiClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (client with { SecretHash = Hash(secret), Disabled = false }, $"{KeyPrefix}{client.Id}_{secret}");
    }

    /// <summary>Splits an API key into its id and secret.</summary>
    public static bool TryParseApiKey(string key, out string id, out string secret)
    {
        id = secret = string.Empty;
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key[KeyPrefix.Length..];
        var separator = rest.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || separator == rest.Length - 1)
        {
            return false;
        }

        (id, secret) = (rest[..separator], rest[(separator + 1)..]);
        return true;
    }

    /// <summary>Checks an API key's secret against the stored hash, in constant time.</summary>
    public static bool SecretMatches(ApiClient client, string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(client.SecretHash));

    /// <summary>Hashes a password for storing.</summary>
    public static string HashPassword(Account account, string password) => Passwords.HashPassword(account, password);

    /// <summary>Checks a password against an account's hash.</summary>
    public static bool PasswordMatches(Account account, string password) =>
        Passwords.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>Makes a random password for a new account.</summary>
    public static string NewPassword() => Base64Url(RandomNumberGenerator.GetBytes(12));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
