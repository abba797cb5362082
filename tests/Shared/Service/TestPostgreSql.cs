using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Fashen.Tests;

/// <summary>A real PostgreSQL server for the tests: the one named by FASHEN_TEST_POSTGRESQL, or else a private
/// one started from Debian's packages (postgresql) in a temporary folder on a free loopback port and stopped
/// when the tests end. Each service under test gets its own schema.</summary>
public static class TestPostgreSql
{
    /// <summary>The environment variable naming a server to use instead of starting one.</summary>
    public const string ConnectionVariable = "FASHEN_TEST_POSTGRESQL";

    private static readonly Lazy<string> Server = new(Start);

    /// <summary>Gets the connection string of the server (started on first use).</summary>
    public static string ConnectionString => Server.Value;

    /// <summary>Gets a fresh schema name, unique to one service (or one group of instances) under test.</summary>
    /// <returns>The name.</returns>
    public static string NewSchema() => "test_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Drops a schema and everything in it.</summary>
    /// <param name="schema">The schema.</param>
    public static void Drop(string schema)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Opens a connection whose search path is a schema, as an administrator would from psql.</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>The open connection.</returns>
    public static NpgsqlConnection Open(string schema)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } given)
        {
            return given;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL server for the tests: install Debian's package postgresql (scripts/test.sh does), or set {ConnectionVariable}.");
        }

        var folder = Directory.CreateTempSubdirectory("fashen-postgresql-").FullName;
        var data = Path.Combine(folder, "data");
        var port = FreePort();

        // PostgreSQL refuses to run as root; the package's own user runs it then.
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", "postgres:postgres", folder);
        }

        RunServerTool(asRoot, Path.Combine(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        RunServerTool(asRoot, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "start",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300");
        StopWhenThisProcessEnds(asRoot, Path.Combine(bin, "pg_ctl"), data, folder);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=50";
    }

    // The server is stopped and its folder removed by a watcher in a session of its own, not by this process: the test
    // host is killed shortly after the last test (a ProcessExit handler was cut off mid-way and left a 40 MB folder
    // in /tmp after every run), and a host that crashes or is killed must not leave a server running either.
    private static void StopWhenThisProcessEnds(bool asRoot, string pgCtl, string data, string folder)
    {
        var stop = asRoot ? $"runuser -u postgres -- '{pgCtl}'" : $"'{pgCtl}'";
        var watcher = new ProcessStartInfo("setsid");

        // The watcher lets go of the standard streams it inherits, so that nothing reading them waits for it.
        foreach (var argument in new[]
        {
            "sh", "-c",
            $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 0.5; done; " +
            $"{stop} -D '{data}' -m immediate -w stop; rm -rf '{folder}'",
        })
        {
            watcher.ArgumentList.Add(argument);
        }

        using var started = Process.Start(watcher)!;
    }

    private static void RunServerTool(bool asRoot, string tool, params string[] arguments) =>
        Run(asRoot ? "runuser" : tool, asRoot ? ["-u", "postgres", "--", tool, .. arguments] : arguments);

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
