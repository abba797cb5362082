using System.Diagnostics;
using System.Text.Json;

namespace Fashen.Api.Tests;

/// <summary>The OpenAPI document the service serves passes Redocly CLI's recommended ruleset with no error and no warning
/// (tools/redocly, installed by the test command with npm ci).</summary>
public class OpenApiLintTests
{
    [Fact]
    public async Task ServedDocument_PassesRedoclysRecommendedRules_WithNoErrorOrWarning()
    {
        var redocly = Repository.Path("tools", "redocly", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"Redocly CLI is not installed: run `npm ci` in tools/redocly (bash scripts/test.sh does). Looked for {redocly}.");
        await using var app = FashenApp.Start();
        using var response = await app.Anonymous().GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        var document = Path.Combine(Directory.CreateTempSubdirectory("fashen-openapi-").FullName, "openapi.v1.json");
        await File.WriteAllTextAsync(document, await response.Content.ReadAsStringAsync());

        var start = new ProcessStartInfo(redocly) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "lint", "--extends=recommended", "--format=json", document })
        {
            start.ArgumentList.Add(argument);
        }

        // The machine is offline; Redocly would otherwise try to report usage and look for updates.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        using var result = JsonDocument.Parse(output);
        var problems = result.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()} at "
                + $"{p.GetProperty("location")[0].GetProperty("pointer").GetString()}: {p.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + await errors);
        Assert.Equal(0, process.ExitCode);
    }
}
