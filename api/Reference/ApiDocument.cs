using Fashen.Api.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fashen.Api.Reference;

/// <summary>What the generated OpenAPI document says beyond the endpoints: its title, how callers
/// authenticate (so the reference page can send credentials), and no server address, so the document
/// is the same wherever the service runs.</summary>
public static class ApiDocument
{
    private const string ApiKeyScheme = "ApiKey";
    private const string BearerScheme = "Bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer(Describe);

        // Endpoints anyone may call (sign-in, the permit key) need no credentials.
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [];
            }

            return Task.CompletedTask;
        });
    }

    private static Task Describe(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "法审 Fashen API";
        document.Info.Description =
            "重大执法决定法制审核服务：判定、报送、审核、作出决定的关卡与全过程记录。\n\n"
            + "案件系统在请求头 X-Api-Key 中提供 API 密钥；个人先用 POST /v1/auth/token 换取令牌，再在 Authorization: Bearer 中提供。"
            + "错误均为 application/problem+json，带稳定的 code（见 docs/diagnostics.md）。";
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.Header,
                Description = "案件系统的 API 密钥（fsk_…），按部门授权。",
            },
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "个人的访问令牌，由 POST /v1/auth/token 取得。",
            },
        };

        // Either credential will do; the endpoints themselves decide which kind of caller they serve.
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
