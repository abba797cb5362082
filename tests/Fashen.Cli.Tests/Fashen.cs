namespace Fashen.Cli.Tests;

/// <summary>Runs the fashen command line in-process, from the repository root, as a user would.</summary>
internal static class Fashen
{
    public static (int Exit, string Output, string Error) Run(params string[] args) => RunAt(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(8)), args);

    public static (int Exit, string Output, string Error) RunAt(DateTimeOffset now, params string[] args) => RunIn(Repository.Root, now, args);

    /// <summary>Runs fashen from another folder, such as a catalogue repository made for a test.</summary>
    public static (int Exit, string Output, string Error) RunIn(string folder, params string[] args) =>
        RunIn(folder, new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(8)), args);

    /// <summary>Runs fashen with these environment variables in place of the process's.</summary>
    public static (int Exit, string Output, string Error) RunWith(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunIn(Repository.Root, new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(8)), args, environment);

    private static (int Exit, string Output, string Error) RunIn(string folder, DateTimeOffset now, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApplication.Run(args, output, error, new FixedClock(now), folder, environment);
        return (exit, output.ToString(), error.ToString());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.CreateCustomTimeZone("CST", now.Offset, "China Standard Time", "CST");
    }
}
