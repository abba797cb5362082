using System.ComponentModel.DataAnnotations;
using Fashen.Api.Access;
using Fashen.Api.Contracts;
using Fashen.Api.Problems;
using Fashen.Engine.Notifications;

namespace Fashen.Api.Notifications;

/// <summary>Webhooks: a case system registers where to be told of its reviews' events; an admin sees the deliveries that
/// were given up and sends them again. How a receiver checks a delivery: docs/webhooks.md.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/webhooks").WithTags("事件通知");
        group.MapPost(string.Empty, (HttpContext context, Webhooks webhooks, WebhookRequest request) => Callers.With(context, caller =>
        {
            var outcome = webhooks.Register(caller, request.Url!.Trim(), request.Events ?? []);
            if (!outcome.Succeeded)
            {
                return ProblemResults.From(outcome.Error!);
            }

            var (endpoint, secret) = outcome.Value;
            return BufferedJson.Created($"/v1/webhooks/{endpoint.Id}", WebhookResponse.From(endpoint, secret));
        }))
        .WithSummary("登记事件通知地址（案件系统）：本系统报送的审核退回补正、受理、延期、作出审核意见、意见书归档，以及签发许可凭证时，向该地址发送签名的通知；secret 只在此时给出一次")
        .Produces<WebhookResponse>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet(string.Empty, (HttpContext context, Webhooks webhooks) => Callers.With(context, caller =>
            BufferedJson.Ok(webhooks.List(caller).Select(w => WebhookResponse.From(w, null)).ToList())))
            .WithSummary("本案件系统登记的事件通知地址（管理员可见全部）")
            .Produces<List<WebhookResponse>>();

        group.MapDelete("/{id}", (HttpContext context, Webhooks webhooks, string id) => Callers.With(context, caller =>
        {
            var outcome = webhooks.Remove(caller, id);
            return outcome.Succeeded ? BufferedJson.Ok(WebhookResponse.From(outcome.Value!, null)) : ProblemResults.From(outcome.Error!);
        }))
        .WithSummary("删除事件通知地址：此后不再向它发送")
        .Produces<WebhookResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/events", () => BufferedJson.Ok(WebhookEvents.Types.Concat(WebhookEvents.OfficeTypes).ToDictionary()))
            .WithSummary("可订阅的事件及其含义：案件系统订阅本系统报送的审核的事件；reminder.* 为期限提醒，由管理员为法制机构订阅")
            .Produces<Dictionary<string, string>>();

        group.MapGet("/dead-letters", (HttpContext context, Webhooks webhooks, int? limit) => Callers.With(context, caller =>
        {
            var outcome = webhooks.DeadLetters(caller, limit ?? 200);
            return outcome.Succeeded ? BufferedJson.Ok(outcome.Value!.Select(DeliveryResponse.From).ToList()) : ProblemResults.From(outcome.Error!);
        }))
        .WithSummary("未送达的事件通知（管理员）：经全部轮次仍未送达的，最新的在前")
        .Produces<List<DeliveryResponse>>()
        .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/dead-letters/{id}/replay", (HttpContext context, Webhooks webhooks, string id) => Callers.With(context, caller =>
        {
            var outcome = webhooks.Replay(caller, id);
            return outcome.Succeeded ? BufferedJson.Ok(DeliveryResponse.From(outcome.Value!)) : ProblemResults.From(outcome.Error!);
        }))
        .WithSummary("重新发送一条未送达的事件通知（管理员）：重新计轮，立即发送；事件编号不变，接收方据此去重")
        .Produces<DeliveryResponse>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }
}

/// <summary>Registers a webhook endpoint.</summary>
/// <param name="Url">Where to post: https.</param>
/// <param name="Events">The event types (GET /v1/webhooks/events); absent or empty for all.</param>
public sealed record WebhookRequest(
    [property: Required, MaxLength(Webhooks.MaxUrlLength)] string? Url,
    [property: MaxLength(20)] IReadOnlyList<string>? Events);

/// <summary>A webhook endpoint.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Url">Where deliveries are posted.</param>
/// <param name="Events">The event types it gets.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="Secret">The signing secret: given only in the answer to the registration.</param>
public sealed record WebhookResponse(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string? Secret)
{
    public static WebhookResponse From(WebhookEndpoint endpoint, string? secret) => new(endpoint.Id, endpoint.Url, endpoint.Events, endpoint.CreatedAt, secret);
}

/// <summary>A delivery of an event to an endpoint.</summary>
/// <param name="Id">The delivery's id (the event's and the endpoint's).</param>
/// <param name="WebhookId">The endpoint.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="EventType">The event type.</param>
/// <param name="Status">pending, delivered or dead.</param>
/// <param name="Rounds">Rounds of attempts made.</param>
/// <param name="NextAttemptAt">When the next round is due, while pending.</param>
/// <param name="LastError">What went wrong last.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record DeliveryResponse(
    string Id, string WebhookId, string EventId, string EventType, string Status, int Rounds, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset UpdatedAt)
{
    public static DeliveryResponse From(WebhookDelivery d) =>
        new(d.Id, d.WebhookId, d.EventId, d.EventType, d.Status.ToString().ToLowerInvariant(), d.Attempts, d.NextAttemptAt, d.LastError, d.UpdatedAt);
}
