using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Fashen.Engine.Notifications;

/// <summary>How deliveries are signed, and how a receiver checks them: HMAC-SHA256 with the endpoint's secret over
/// "timestamp.body", sent as <c>Fashen-Signature: t=…,v1=…</c> (the scheme of Stripe's and GitHub's webhooks).</summary>
public static class WebhookSignature
{
    /// <summary>The header carrying the signature.</summary>
    public const string Header = "Fashen-Signature";

    /// <summary>How old a signed timestamp may be when checked: older deliveries are refused as replays.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>Signs a body.</summary>
    /// <param name="secret">The endpoint's secret, as given at registration.</param>
    /// <param name="at">When it is sent.</param>
    /// <param name="body">The body, exactly as sent.</param>
    /// <returns>The header's value.</returns>
    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Mac(secret, timestamp, body)}";
    }

    /// <summary>Checks a signature as a receiver does: the MAC matches and the timestamp is recent.</summary>
    /// <param name="secret">The endpoint's secret.</param>
    /// <param name="header">The header's value.</param>
    /// <param name="body">The body, as received.</param>
    /// <param name="now">The receiver's time.</param>
    /// <returns>True when it is Fashen's, and recent.</returns>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        if (!parts.TryGetValue("t", out var timestamp) || !parts.TryGetValue("v1", out var mac)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age.Duration() <= Tolerance
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(secret, timestamp, body)), Encoding.ASCII.GetBytes(mac));
    }

    /// <summary>Derives an endpoint's secret from the service's webhook key: nothing secret is kept per endpoint.</summary>
    /// <param name="key">The service's webhook key.</param>
    /// <param name="webhookId">The endpoint.</param>
    /// <returns>The secret (whsec_…).</returns>
    public static string SecretFor(byte[] key, string webhookId) =>
        "whsec_" + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(webhookId))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Mac(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
}
