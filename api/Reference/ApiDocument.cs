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

        // Each group of operations says what it is for; a tag the endpoints use but this list lacks keeps its name alone.
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? string.Empty);
        }

        return Task.CompletedTask;
    }
}
