using Fashen.Api.Contracts;
using Fashen.Api.Problems;
using Microsoft.AspNetCore.Authentication.BearerToken;

namespace Fashen.Api.Access;

/// <summary>Sign-in for people: a username and password give a bearer token.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/auth").WithTags("身份认证").AllowAnonymous();
        group.MapPost("/token", (TokenRequest request, PeopleDirectory people, HttpContext context) =>
        {
            var attempt = people.SignIn(request.Username!, request.Password!, BearerTokenDefaults.AuthenticationScheme, context.Connection.RemoteIpAddress?.ToString());
            if (attempt.InvalidUsername is { } invalid)
            {
                return ProblemResults.From(ApiProblems.InvalidUsername(invalid));
            }

            if (attempt.LockedFor is { } locked)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(locked.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ProblemResults.From(ApiProblems.SignInLocked(locked));
            }

            return attempt.Principal is { } principal
                ? Results.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme)
                : ProblemResults.From(ApiProblems.InvalidCredentials());
        })
        .WithSummary("取得令牌：用用户名和密码换取访问令牌（Authorization: Bearer）")
        .Produces<AccessTokenResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }
}
