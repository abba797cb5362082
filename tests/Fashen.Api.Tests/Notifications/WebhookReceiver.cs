using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Fashen.Api.Tests.Notifications;

/// <summary>A real receiver of webhook deliveries on loopback, as a case system would run one: it can answer 200, answer 503,
/// or be down altogether (nothing listening on its port), and it keeps every request it got.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? _app;

    private WebhookReceiver(int port) => Port = port;

    /// <summary>Gets the port it listens on, the same across restarts.</summary>
    public int Port { get; }

    /// <summary>Gets the address to register.</summary>
    public string Url => $"http://127.0.0.1:{Port}/fashen-events";

    /// <summary>Gets or sets the status it answers with.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    /// <summary>Gets every request received, in order: its headers and body.</summary>
    public ConcurrentQueue<(IReadOnlyDictionary<string, string> Headers, string Body)> Received { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var receiver = new WebhookReceiver(port);
        await receiver.UpAsync();
        return receiver;
    }

    /// <summary>Starts listening (again).</summary>
    public async Task UpAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/fashen-events", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            Received.Enqueue((context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            return Results.StatusCode((int)Answer);
        });
        await app.StartAsync();
        _app = app;
    }

    /// <summary>Stops listening: connections are refused until <see cref="UpAsync"/>.</summary>
    public async Task DownAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Waits until a condition on what was received holds.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<(IReadOnlyDictionary<string, string> Headers, string Body)>, bool> condition, string what)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(50))
        {
            if (condition(Received.ToList()))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Not received within 30 s: {what}. Received: {string.Join(" | ", Received.Select(r => r.Body))}");
    }

    public async ValueTask DisposeAsync() => await DownAsync();
}
