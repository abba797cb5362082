using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fashen.Engine.Permits;

/// <summary>Signs permits as compact JSON Web Signatures (RFC 7515) with ECDSA P-256 (ES256), so any
/// JOSE library can verify them with the public key.</summary>
public sealed class EcdsaPermitSigner : IPermitSigner
{
    private readonly ECDsa _key;
    private readonly string _keyId;

    /// <summary>Initializes a new instance of the <see cref="EcdsaPermitSigner"/> class.</summary>
    /// <param name="key">A P-256 key with its private part.</param>
    public EcdsaPermitSigner(ECDsa key)
    {
        _key = key;
        var parameters = key.ExportParameters(includePrivateParameters: false);
        PublicJwk = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64Url(parameters.Q.X!),
            ["y"] = Base64Url(parameters.Q.Y!),
            ["alg"] = "ES256",
            ["use"] = "sig",
        };

        // RFC 7638 thumbprint: the key's own id, stable as long as the key is.
        var thumbprintInput = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{PublicJwk["x"]}\",\"y\":\"{PublicJwk["y"]}\"}}";
        _keyId = Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(thumbprintInput)));
        PublicJwk["kid"] = _keyId;
    }

    /// <inheritdoc/>
    public JsonObject PublicJwk { get; }

    /// <inheritdoc/>
    public string Sign(PermitClaims claims)
    {
        var header = Base64Url(Encoding.UTF8.GetBytes($"{{\"alg\":\"ES256\",\"kid\":\"{_keyId}\",\"typ\":\"JWT\"}}"));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _key.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    /// <inheritdoc/>
    public PermitVerification Verify(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return new PermitVerification(false, null, "许可凭证格式不对：应为以“.”分隔的三段。");
        }

        try
        {
            using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
            if (header.RootElement.GetProperty("alg").GetString() != "ES256")
            {
                return new PermitVerification(false, null, "许可凭证的签名算法不是 ES256。");
            }

            var signed = _key.VerifyData(
                Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), FromBase64Url(parts[2]), HashAlgorithmName.SHA256,
                DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            if (!signed)
            {
                return new PermitVerification(false, null, "许可凭证的签名无效：凭证被改动过，或不是本系统签发的。");
            }

            return new PermitVerification(true, JsonSerializer.Deserialize<PermitClaims>(FromBase64Url(parts[1])), null);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new PermitVerification(false, null, "许可凭证无法解析。");
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch
        {
            2 => "==",
            3 => "=",
            _ => string.Empty,
        };
        return Convert.FromBase64String(padded);
    }
}
