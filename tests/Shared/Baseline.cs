using System.Text;

namespace Fashen.Tests;

/// <summary>Golden files: compares rendered output with the expected text committed beside the input.</summary>
/// <remarks>Set UPDATE_BASELINES=1 to rewrite every baseline from the actual output; every change to a
/// baseline must be explained in review.</remarks>
internal static partial class Baseline
{
    public static void Match(string actual, string baselinePath)
    {
        // The git commit the samples are read at changes with every commit; the baseline keeps its place only.
        actual = CommitId().Replace(actual.Replace("\r\n", "\n"), m => m.Groups[1].Value + "<commit>");
        var relative = System.IO.Path.GetRelativePath(Repository.Root, baselinePath);
        if (Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(baselinePath, actual);
            return;
        }

        var expected = File.Exists(baselinePath) ? File.ReadAllText(baselinePath).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            return;
        }

        var message = new StringBuilder();
        message.AppendLine(expected is null ? $"Baseline {relative} does not exist." : $"Output differs from baseline {relative}:");
        if (expected is not null)
        {
            AppendDiff(message, expected, actual);
        }

        message.AppendLine("If the new output is right, accept it with:");
        message.AppendLine("  UPDATE_BASELINES=1 dotnet test Fashen.slnx");
        message.AppendLine($"then review the change with: git diff {relative}");
        Assert.Fail(message.ToString());
    }

    private static void AppendDiff(StringBuilder message, string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var shown = 0;
        for (var i = 0; i < Math.Max(e.Length, a.Length) && shown < 12; i++)
        {
            var left = i < e.Length ? e[i] : null;
            var right = i < a.Length ? a[i] : null;
            if (left == right)
            {
                continue;
            }

            message.AppendLine($"  line {i + 1}:");
            message.AppendLine($"  - {left ?? "(none)"}");
            message.AppendLine($"  + {right ?? "(none)"}");
            shown++;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(提交 |""commit"": "")[0-9a-f]{12,40}")]
    private static partial System.Text.RegularExpressions.Regex CommitId();
}
