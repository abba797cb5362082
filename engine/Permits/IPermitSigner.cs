using System.Text.Json.Nodes;

namespace Fashen.Engine.Permits;

/// <summary>Signs and verifies issuance permits.</summary>
public interface IPermitSigner
{
    /// <summary>Gets the public key, as a JSON Web Key, for case systems that verify permits offline.</summary>
    JsonObject PublicJwk { get; }

    /// <summary>Signs a permit.</summary>
    /// <param name="claims">What the permit states.</param>
    /// <returns>The token.</returns>
    string Sign(PermitClaims claims);

    /// <summary>Checks a token.</summary>
    /// <param name="token">The token.</param>
    /// <returns>What it states, or why it is not valid.</returns>
    PermitVerification Verify(string token);
}
