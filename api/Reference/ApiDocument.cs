using Fashen.Api.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fashen.Api.Reference;

/// <summary>What the generated OpenAPI document says beyond the endpoints: its title, how callers
/// authenticate (so the reference page can send credentials), a relative server address, so the document
/// is the same wherever the service runs, and the answers every operation of a kind can give besides its own
/// (401 without credentials, 429 over the rate limit, 503 with the store away, 400/413/415 for a bad body).
/// Redocly CLI's recommended rules find nothing in it (OpenApiLintTests).</summary>
public static class ApiDocument
{
    private const string ApiKeyScheme = "ApiKey";
    private const string BearerScheme = "Bearer";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["身份认证"] = "个人用户名和密码换取访问令牌；查看当前调用者的身份和权限。",
        ["目录清单"] = "载入的重大执法决定法制审核目录清单及其版本；重新载入（管理员）。",
        ["公开目录"] = "事前公开：各部门目录清单的网页和 JSON，无需登录。",
        ["判定"] = "判定一项拟作出的执法决定是否属于重大执法决定：命中的条目、理由、审核要点、送审材料和审核时限。",
        ["法制审核"] = "报送、受理、退回补正、领取、审核要点、意见、延期和审核意见：法制审核的全过程。",
        ["审核意见书"] = "审核意见书的内容和 PDF。",
        ["案卷文件"] = "送审材料的文件：按 SHA-256 上传和读取，录音录像登记。",
        ["作出决定"] = "作出决定前的关卡：只有审核通过、且正是被审核的那项决定，才发给签名的许可；许可的核验和公钥。",
        ["已作出的决定"] = "案件系统报告已作出的决定，Fashen 对照审核和许可核查。",
        ["执法决定公开"] = "事后公开：决定公开前的隐去、法制机构审核、更正和撤回。",
        ["公开的执法决定"] = "公示平台：已公开的执法决定的列表、详情、JSON 和订阅源，无需登录。",
        ["年度统计"] = "按全过程记录计算的年度统计（统计年报），年度结束后公开。",
        ["事件通知"] = "订阅审核进展的回调（webhook），查看和重放投递失败的事件。",
        ["全过程记录"] = "全过程记录的核验（哈希链与外部锚点）和告警。",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer(Describe);

        // Endpoints anyone may call (sign-in, the permit key) need no credentials. Every operation gets its stable name.
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [];
            }

            // The route as the document writes it: {year:int} is {year}.
            var route = System.Text.RegularExpressions.Regex.Replace(context.Description.RelativePath?.Split('?')[0].TrimEnd('/') ?? string.Empty, @"\{(\w+):[^}]+\}", "{$1}");
            var key = $"{context.Description.HttpMethod} /{route}";
            operation.OperationId ??= OperationIds.ByOperation.GetValueOrDefault(key);
            return Task.CompletedTask;
        });
    }

    private static Task Describe(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "法审 Fashen API";
        document.Info.Description =
            "重大执法决定法制审核服务：判定、报送、审核、作出决定的关卡与全过程记录。\n\n"
            + "案件系统在请求头 X-Api-Key 中提供 API 密钥；个人先用 POST /v1/auth/token 换取令牌，再在 Authorization: Bearer 中提供。"
            + "错误均为 application/problem+json，带稳定的 code，type 链接到该代码的说明（/diagnostics）。";
        // Not an open licence: the API serves the agencies the county authorises; SPDX writes such terms as a LicenseRef.
        document.Info.License = new OpenApiLicense { Name = "仅供授权的案件系统、法制机构和执法监督机构使用", Identifier = "LicenseRef-Fashen-Authorised-Use" };
        document.Servers = [new OpenApiServer { Url = "/", Description = "提供本文档的服务（相对地址，部署在哪里都一样）" }];
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

        // Each group of operations says what it is for; a tag the endpoints use but this list lacks keeps its name alone.
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? string.Empty);
        }

        DeclareCommonAnswers(document);
        return Task.CompletedTask;
    }

    // Answers the middleware gives any operation of a kind, which the endpoints do not each declare. Each is a problem+json
    // with its code; an answer an endpoint declares itself is left as it is.
    private static void DeclareCommonAnswers(OpenApiDocument document)
    {
        var problem = new OpenApiSchemaReference("ProblemDetails", document);
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (_, operation) in item.Operations ?? [])
            {
                operation.Responses ??= [];
                void Declare(int status, string description)
                {
                    var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (!operation.Responses.ContainsKey(key))
                    {
                        operation.Responses[key] = new OpenApiResponse
                        {
                            Description = description,
                            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
                        };
                    }
                }

                var hasBody = operation.RequestBody is not null;
                if (hasBody || operation.Parameters?.Any(p => p.In is ParameterLocation.Query or ParameterLocation.Path) == true)
                {
                    Declare(400, "请求有误：请求体或参数格式不对（FS6001），或字段缺少、无效（FS6005）");
                }

                if (operation.Security is not { Count: 0 })
                {
                    Declare(401, "需要身份认证：没有有效的 API 密钥或访问令牌（FS6003）");
                }

                if (hasBody)
                {
                    Declare(413, "请求体过大（FS6002）");
                    Declare(415, "请求体类型不支持（FS6006）");
                }

                // Every caller of the API and of the public site has a token bucket (FashenApplication's rate limiter).
                Declare(429, "请求过于频繁（FS6013），按响应头 Retry-After 稍后再试");
                // The published catalogues are read from memory; everything else reads or writes the store.
                if (!path.StartsWith("/public/catalogues", StringComparison.Ordinal))
                {
                    Declare(503, "存储暂不可用（FS6015），可稍后重试；未保存任何内容");
                }
            }
        }
    }
}
