using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Fashen.Tests;

/// <summary>A TCP relay between Fashen instances and the tests' PostgreSQL server that a test can break as an outage
/// breaks it: <see cref="Cut"/> closes every connection and refuses new ones (the database stopped or unreachable) until
/// <see cref="Restore"/>. Only the instances that connect through it see the outage; the server, shared by the other tests,
/// keeps running.</summary>
public sealed class PostgreSqlProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _server;
    private readonly List<Socket> _open = [];
    private readonly CancellationTokenSource _stopping = new();
    private bool _cut;

    public PostgreSqlProxy()
    {
        var builder = new NpgsqlConnectionStringBuilder(TestPostgreSql.ConnectionString);
        _server = new IPEndPoint(IPAddress.Parse(builder.Host!), builder.Port);
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>Gets a connection string that reaches the server through this relay.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(TestPostgreSql.ConnectionString)
    {
        Host = "127.0.0.1",
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port,
    }.ConnectionString;

    /// <summary>Closes every relayed connection and refuses new ones, as a stopped database does.</summary>
    public void Cut()
    {
        lock (_open)
        {
            _cut = true;
            foreach (var socket in _open)
            {
                socket.Dispose();
            }

            _open.Clear();
        }
    }

    /// <summary>Accepts connections again, as a database that has started again.</summary>
    public void Restore()
    {
        lock (_open)
        {
            _cut = false;
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        Cut();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        lock (_open)
        {
            if (_cut)
            {
                client.Dispose();
                server.Dispose();
                return;
            }

            _open.Add(client);
            _open.Add(server);
        }

        try
        {
            await server.ConnectAsync(_server);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Cut, or the other side closed.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(client);
                _open.Remove(server);
            }

            client.Dispose();
            server.Dispose();
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Cut, or the other side closed.
        }
    }
}
