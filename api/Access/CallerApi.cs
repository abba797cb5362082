using Fashen.Api.Contracts;

namespace Fashen.Api.Access;

/// <summary><c>GET /v1/whoami</c>: who the service takes the caller to be. A case system checks its key with it; it does
/// nothing else, which also makes it the measure of what the pipeline and authentication alone cost (docs/performance.md).</summary>
public static class CallerApi
{
    public static RouteHandlerBuilder MapWhoAmI(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/v1/whoami", (HttpContext context) => Callers.With(context, caller =>
                BufferedJson.Ok(new CallerResponse(
                    caller.IsCaseSystem ? "case_system" : "person",
                    caller.Actor.Id,
                    caller.Actor.Name,
                    caller.Departments,
                    caller.Roles.Select(r => r.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal).ToList()))))
            .WithTags("身份认证")
            .WithSummary("当前调用者：本服务把请求认作哪个案件系统或哪个人（核对 API 密钥或令牌）")
            .Produces<CallerResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}

/// <summary>Who the service takes the caller to be.</summary>
public sealed record CallerResponse(string Kind, string Id, string Name, IReadOnlyList<string> Departments, IReadOnlyList<string> Roles);
