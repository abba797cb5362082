using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;

namespace Fashen.ReviewUi.Forms;

/// <summary>Answers a form post whose antiforgery check failed with a page in Chinese that keeps what was typed. Razor Pages
/// answer it with an empty 400, which the browser shows as its own English "HTTP ERROR 400", and the reviewer's reasoning is
/// lost. The check fails when the page stayed open across a sign-out or a restart of the service with new keys, or when another
/// site posts the form; the post is not carried out either way.</summary>
/// <remarks>The page shows every field that was sent and, to a signed-in person, offers to send it again with a fresh token:
/// a click of theirs, on a page that cannot be framed (frame-ancestors 'none'), after reading exactly what will be sent. A
/// password is never shown or sent back; files cannot be, and the page says which to choose again.</remarks>
public sealed class ExpiredFormFilter : IAsyncAlwaysRunResultFilter
{
    /// <summary>The view shown.</summary>
    public const string View = "/Pages/Shared/FormExpired.cshtml";

    private const string TokenField = "__RequestVerificationToken";

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var request = context.HttpContext.Request;
            var form = request.HasFormContentType ? await request.ReadFormAsync(context.HttpContext.RequestAborted) : null;
            var fields = (form ?? new FormCollection([]))
                .Where(f => f.Key != TokenField && !f.Key.Contains("password", StringComparison.OrdinalIgnoreCase))
                .SelectMany(f => f.Value.Select(value => new KeptField(f.Key, value ?? string.Empty)))
                .ToList();
            var model = new ExpiredForm(
                request.Path + request.QueryString,
                request.Path,
                fields,
                form?.Files.Where(f => f.Length > 0).Select(f => f.FileName).ToList() ?? [],
                context.HttpContext.User.Identity?.IsAuthenticated == true);
            var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
            context.Result = new ViewResult
            {
                ViewName = View,
                StatusCode = StatusCodes.Status400BadRequest,
                ViewData = new ViewDataDictionary<ExpiredForm>(metadata, new ModelStateDictionary()) { Model = model },
            };
        }

        await next();
    }
}

/// <summary>A form post refused for its antiforgery token, as the page shows it.</summary>
/// <param name="Action">Where it was posted (path and query), to post it again.</param>
/// <param name="Page">The page it came from, to go back without posting.</param>
/// <param name="Fields">Every field sent but the token and any password, in order.</param>
/// <param name="Files">The names of the files chosen, which must be chosen again.</param>
/// <param name="SignedIn">Whether the person is signed in, and may send it again.</param>
public sealed record ExpiredForm(string Action, string Page, IReadOnlyList<KeptField> Fields, IReadOnlyList<string> Files, bool SignedIn);

/// <summary>One field of a refused form.</summary>
/// <param name="Name">The field's name.</param>
/// <param name="Value">What was in it.</param>
public sealed record KeptField(string Name, string Value)
{
    // The pages' fields as their forms label them.
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Username"] = "用户名",
        ["ItemNote"] = "审核要点的说明",
        ["ItemStatus"] = "审核要点的结果",
        ["MissingMaterials"] = "需要补正的材料",
        ["ReturnNote"] = "退回补正的说明",
        ["ExtensionReason"] = "延期理由",
        ["OpinionText"] = "法律顾问意见",
        ["Outcome"] = "审核意见",
        ["OutcomeReason"] = "审核意见的理由",
        ["HandoverTo"] = "交给",
        ["HandoverReason"] = "退回或转交的理由",
        ["ConfirmNote"] = "确认意见或退回理由",
        ["DiscussionHeldOn"] = "讨论日期",
        ["DiscussionParticipants"] = "参加的负责人",
        ["DiscussionConclusion"] = "讨论结论",
        ["DiscussionSummary"] = "纪要摘要",
        ["PaperMaterial"] = "纸质材料",
        ["PaperPages"] = "纸质页数",
        ["Decision"] = "审批结果",
        ["Reason"] = "理由",
        ["Note"] = "说明",
        ["Grounds"] = "撤回的事由",
        ["ChangedOn"] = "决定变更的日期",
    };

    /// <summary>Gets the field's name as its form labels it, or the name itself in brackets when no label is known.</summary>
    public string Label => Labels.TryGetValue(Name, out var label) ? label
        : Name.StartsWith("Fields[", StringComparison.Ordinal) ? $"公开信息：{Name[7..^1]}"
        : Name.StartsWith("Resolutions[", StringComparison.Ordinal) ? "材料的处理" : $"其他（{Name}）";

    /// <summary>Gets a value indicating whether a person typed it (shown), rather than the page putting it there (only sent back).</summary>
    public bool Typed => Value.Length > 0 && Name is not ("Version" or "handler") && !bool.TryParse(Value, out _) && !long.TryParse(Value, out _);
}
