using System.Text.RegularExpressions;

namespace Fashen.Cli.Tests;

/// <summary>The README's command examples are run as written, so the documentation cannot rot. The
/// service, which runs until stopped, is started as written by <see cref="ServeTests"/>; the commands of a
/// PostgreSQL deployment (a block that sets Fashen__Store) need a database and are run by
/// <see cref="PostgreSqlDataCommandsTests"/> instead.</summary>
public partial class ReadmeTests
{
    public static TheoryData<string, int> Commands()
    {
        var data = new TheoryData<string, int>();
        var inFence = false;
        var deployment = false;
        foreach (var line in File.ReadAllLines(Repository.Path("README.md")))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                deployment = false;
            }
            else if (inFence && line.Contains("Fashen__Store=", StringComparison.Ordinal))
            {
                deployment = true;
            }
            else if (inFence && !deployment && line.StartsWith("./fashen ", StringComparison.Ordinal)
                && !line.StartsWith("./fashen serve", StringComparison.Ordinal))
            {
                var match = ExpectedExit().Match(line);
                data.Add(ExpectedExit().Replace(line, string.Empty).Trim(), match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void ReadmeCommand_RunsWithTheDocumentedExitCode(string command, int exit)
    {
        var args = command["./fashen ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var (actual, _, error) = Fashen.Run(args);

        Assert.True(exit == actual, $"{command} exited with {actual}: {error}");
    }

    [Fact]
    public void Readme_HasCommandExamples() => Assert.True(Commands().Count() >= 5);

    [GeneratedRegex(@"#\s*退出码\s*([0-9])\s*$")]
    private static partial Regex ExpectedExit();
}
