using System.Diagnostics;

namespace Fashen.Cli.Tests;

/// <summary>Runs a program (git, bash) in a folder as a catalogue repository's user would, with a git
/// identity so commits work on a machine that has none configured.</summary>
internal static class Processes
{
    public static (int Exit, string Output) Run(string folder, string program, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "法制审核机构";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "fzk@example.gov.cn";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    /// <summary>Runs git and fails the test when it fails.</summary>
    public static void Git(string folder, params string[] arguments)
    {
        var (exit, output) = Run(folder, "git", arguments);
        Assert.True(exit == 0, $"git {string.Join(' ', arguments)}: {output}");
    }
}
