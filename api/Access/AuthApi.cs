using System.Security.Claims;
using Fashen.Api.Contracts;
using Fashen.Api.Problems;
using Fashen.Engine.Access;
using Microsoft.AspNetCore.Authentication.BearerToken;

namespace Fashen.Api.Access;

/// <summary>Sign-in for people: a username and password give a bearer token.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/auth").WithTags("身份认证").AllowAnonymous();
        group.MapPost("/token", (TokenRequest request, IAccountStore accounts) =>
        {
            if (accounts.FindAccount(request.Username!) is not { Disabled: false } account || !Credentials.PasswordMatches(account, request.Password!))
            {
                return ProblemResults.From(ApiProblems.InvalidCredentials());
            }

            var identity = new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, account.Id),
                    new Claim(ClaimTypes.Name, account.Username),
                    new Claim(CallerResolver.KindClaim, CallerResolver.PersonKind),
                ],
                BearerTokenDefaults.AuthenticationScheme);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        })
        .WithSummary("取得令牌：用用户名和密码换取访问令牌（Authorization: Bearer）")
        .Produces<AccessTokenResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized);
        return group;
    }
}
