using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fashen.Engine.Reviews;
using Microsoft.Extensions.DependencyInjection;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests.Notifications;

/// <summary>Deadline reminders: the reviewer of a review due the next working day and on the day itself, the heads once it is
/// overdue; each recorded once per review and due date, and posted to the legal office's messaging system by the webhook an
/// admin registered for it (case systems cannot subscribe to reminders).</summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private FashenApp _app = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _app = FashenApp.Start(new Dictionary<string, string>
        {
            ["Fashen:WebhookAllowLoopbackHttp"] = "true",
            ["Fashen:WebhookPollInterval"] = "00:00:00.05",
        });
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ReviewerIsRemindedTheDayBeforeAndOnTheDay_HeadsWhenOverdue_EachOnce_AndTheOfficeWebhookGetsThem()
    {
        var admin = await _app.PersonAsync("admin");
        var (refused, problem) = await Post(_app.CaseSystem("scjg"), "/v1/webhooks", new JsonObject { ["url"] = _receiver.Url, ["events"] = new JsonArray("reminder.overdue") });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "FS5036"), (refused, problem.Code()));
        var (registered, _) = await Post(admin, "/v1/webhooks", new JsonObject { ["url"] = _receiver.Url });
        Assert.Equal(HttpStatusCode.Created, registered);

        // Submitted Monday 2 March: due Wednesday 11 March. 李敏 takes it.
        var review = await SubmitAcceptedAsync(_app);
        var id = review.GetProperty("id").GetString()!;
        await Post(await _app.PersonAsync("li.min"), $"/v1/reviews/{id}/assignment", new JsonObject { ["version"] = review.Version() });
        var reminders = _app.Services.GetRequiredService<ReviewService>();

        Assert.Empty(reminders.SendReminders());
        _app.Clock.Advance(TimeSpan.FromDays(8));
        var dayBefore = Assert.Single(reminders.SendReminders());
        Assert.Empty(reminders.SendReminders());
        _app.Clock.Advance(TimeSpan.FromDays(1));
        var onTheDay = Assert.Single(reminders.SendReminders());
        _app.Clock.Advance(TimeSpan.FromDays(1));
        var overdue = Assert.Single(reminders.SendReminders());
        Assert.Empty(reminders.SendReminders());

        Assert.Equal((ReviewService.DueSoonReminder, id), (dayBefore.Type, dayBefore.ReviewId));
        Assert.Equal(ReviewService.OverdueReminder, overdue.Type);
        admin = await _app.PersonAsync("admin");
        var (_, history) = await Get(admin, $"/v1/reviews/{id}/history");
        var said = history.EnumerateArray().Where(e => e.GetProperty("type").GetString()!.StartsWith("reminder.", StringComparison.Ordinal))
            .Select(e => e.GetProperty("summary").GetString()).ToList();
        Assert.Equal(
            ["桓市监罚〔2026〕001号：审核于 2026-03-11（下一个工作日）届满，提醒审核人员 李敏",
             "桓市监罚〔2026〕001号：审核于 2026-03-11（今天）届满，提醒审核人员 李敏",
             "桓市监罚〔2026〕001号：审核已于 2026-03-11 届满，已超期，通知负责人（审核人员 李敏）"],
            said);

        // The office's messaging system gets all three, signed like any event.
        await _receiver.WaitForAsync(r => r.Count >= 3, "three reminders");
        var received = _receiver.Received.ToList();
        var types = received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()).ToList();
        Assert.Equal(["reminder.due_soon", "reminder.due_soon", "reminder.overdue"], types);
        var last = JsonDocument.Parse(received[^1].Body).RootElement;
        Assert.Equal(("heads", "李敏"), (last.GetProperty("data").GetProperty("notify").GetString(), last.GetProperty("data").GetProperty("reviewer").GetProperty("name").GetString()));
        Assert.Equal(onTheDay.Sequence, JsonDocument.Parse(received[1].Body).RootElement.GetProperty("record").GetProperty("sequence").GetInt64());

        // The record still verifies: reminders are entries like any other.
        var (_, verification) = await Get(admin, "/v1/record/verification");
        Assert.True(verification.GetProperty("valid").GetBoolean(), verification.ToString());
    }
}
