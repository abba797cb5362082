using Fashen.Engine.Notifications;
using Fashen.Store.PostgreSql;
using static Fashen.Api.Tests.Store.StoreAppends;

namespace Fashen.Api.Tests.Store;

/// <summary>The webhook outbox alike in both stores: deliveries are queued with the cursor only from where it was read, once
/// per id; due ones come back in record order; and on PostgreSQL one instance at a time leads the delivering.</summary>
public sealed class WebhookOutboxTests : EitherStore
{
    [Theory]
    [InlineData("litedb")]
    [InlineData("postgresql")]
    public void Deliveries_AreQueuedWithTheCursor_OnceEach_AndComeDueInOrder(string kind)
    {
        using var store = Open(kind);
        var outbox = store.Webhooks;
        outbox.AddWebhook(new WebhookEndpoint("W1", "scjg-client", "scjg", "https://case.example/hook", ["review.decided"], At));

        Assert.True(outbox.Enqueue(0, 7, [Delivery("evt_7", 7, At), Delivery("evt_5", 5, At.AddMinutes(5))]));
        Assert.False(outbox.Enqueue(0, 9, [Delivery("evt_9", 9, At)]));           // the cursor moved on meanwhile
        Assert.True(outbox.Enqueue(7, 9, [Delivery("evt_7", 7, At.AddYears(1)), Delivery("evt_8", 8, At)]));   // evt_7 kept as it was

        Assert.Equal(9, outbox.WebhookCursor());
        Assert.Equal(["evt_7", "evt_8"], outbox.DueDeliveries(At, 10).Select(d => d.EventId));
        Assert.Equal(["evt_5", "evt_7", "evt_8"], outbox.DueDeliveries(At.AddMinutes(5), 10).Select(d => d.EventId));

        var dead = outbox.FindDelivery("evt_8:W1")! with { Status = DeliveryStatus.Dead, Attempts = 8, LastError = "接收方答复 HTTP 500" };
        outbox.UpdateDelivery(dead);
        Assert.Equal(dead, Assert.Single(outbox.Deliveries(DeliveryStatus.Dead, 10)));
        outbox.RemoveWebhook("W1", At.AddDays(1));
        Assert.False(Assert.Single(outbox.Webhooks()).Active);
    }

    [Fact]
    public void OnPostgreSql_OneInstanceAtATime_LeadsTheDelivering()
    {
        using var first = Open("postgresql");
        using var second = new PostgreSqlStore(TestPostgreSql.ConnectionString, Schema);

        using (var lead = first.Webhooks.TryLead())
        {
            Assert.NotNull(lead);
            Assert.True(lead.StillHeld());
            Assert.Null(second.Webhooks.TryLead());
        }

        using var next = second.Webhooks.TryLead();
        Assert.NotNull(next);
        Assert.Null(first.Webhooks.TryLead());
    }

    private static WebhookDelivery Delivery(string eventId, long sequence, DateTimeOffset due) =>
        new($"{eventId}:W1", "W1", eventId, "review.decided", sequence, "{}", DeliveryStatus.Pending, 0, due, null, At);
}
