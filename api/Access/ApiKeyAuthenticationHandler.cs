using System.Security.Claims;
using System.Text.Encodings.Web;
using Fashen.Engine.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Fashen.Api.Access;

/// <summary>Authenticates case systems by the API key in the <c>X-Api-Key</c> header.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IAccountStore accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!Credentials.TryParseApiKey(values.ToString(), out var id, out var secret)
            || accounts.FindApiClient(id) is not { Disabled: false } client
            || !Credentials.SecretMatches(client, secret))
        {
            return Task.FromResult(AuthenticateResult.Fail("invalid API key"));
        }

        // Kept for CallerResolver, so that the request reads its client once.
        Context.Items[typeof(ApiClient)] = client;
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, client.Id), new Claim(ClaimTypes.Name, client.Name), new Claim(CallerResolver.KindClaim, CallerResolver.CaseSystemKind)],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
