using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Fashen.Cli.Tests;

/// <summary><c>fashen serve</c> as a real process on a free loopback port, started as the README starts it;
/// ready once <c>/health/ready</c> answers.</summary>
internal sealed partial class ServiceProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the service on a data folder.</summary>
    /// <param name="dataFolder">The data folder.</param>
    /// <param name="settings">Configuration for this run (Fashen:RequestBurst …), passed as environment variables.</param>
    public static async Task<ServiceProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "fashen.dll"), "serve", "--data", dataFolder, "--urls", address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }

        var service = new ServiceProcess(Process.Start(start)!, address);
        service._process.OutputDataReceived += (_, e) => service.Append(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.False(service._process.HasExited, $"fashen serve exited with {(service._process.HasExited ? service._process.ExitCode : 0)}:\n{service.Output}");
            await Task.Delay(500);
        }

        Assert.Fail($"fashen serve did not become ready:\n{service.Output}");
        return service;
    }

    /// <summary>Reads the scjg case system's API key from the demo credentials a service wrote into its data folder.</summary>
    /// <param name="dataFolder">The data folder.</param>
    public static string ScjgKey(string dataFolder) =>
        ScjgLine().Match(File.ReadAllText(Path.Combine(dataFolder, "demo-credentials.txt"))).Groups[1].Value;

    /// <summary>Kills the process at once (SIGKILL on Linux): no shutdown, no flush, as a power cut.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>Pauses the process (SIGSTOP), as a frozen VM, a debugger or a long GC pause would: its connections stay
    /// open and whatever it holds stays held.</summary>
    public void Pause() => Signal("STOP");

    /// <summary>Lets a paused process go on (SIGCONT).</summary>
    public void Resume() => Signal("CONT");

    public void Dispose()
    {
        Resume();
        Kill();
        _process.Dispose();
    }

    private void Signal(string name)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    [GeneratedRegex(@"^\s+scjg\s+(fsk_[A-Za-z0-9_-]+)", RegexOptions.Multiline)]
    private static partial Regex ScjgLine();
}
