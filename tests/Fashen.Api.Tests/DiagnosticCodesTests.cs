using System.Reflection;
using System.Text.RegularExpressions;
using Fashen.Api.Problems;
using Fashen.Catalogue.Diagnostics;
using Fashen.Engine.Diagnostics;
using Fashen.Engine.Reviews;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Api.Tests;

/// <summary>Every code of every layer — diagnostics, workflow refusals, HTTP problems — is unique, in its
/// layer's range, and documented in docs/diagnostics.md.</summary>
public partial class DiagnosticCodesTests
{
    private static readonly (Type Factory, string Prefix)[] Factories =
    [
        (typeof(GrammarDiagnostics), "FS1"),
        (typeof(CatalogueDiagnostics), "FS[23]"),
        (typeof(EngineDiagnostics), "FS4"),
        (typeof(ReviewErrors), "FS5"),
        (typeof(ApiProblems), "FS6"),
    ];

    // Calls every factory method with placeholder arguments and collects the code and message it creates.
    private static List<(string Method, (string Code, string Message) Diagnostic, string Prefix)> AllDiagnostics()
    {
        var span = new SourceSpan("x.yaml", 1, 1, 1, 2);
        var found = new List<(string, (string, string), string)>();
        foreach (var (factory, prefix) in Factories)
        {
            foreach (var method in factory.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.ReturnType == typeof(Diagnostic) || m.ReturnType == typeof(ReviewError) || m.ReturnType == typeof(ApiProblem)))
            {
                var arguments = method.GetParameters().Select(p => p.ParameterType switch
                {
                    var t when t == typeof(SourceSpan) => (object?)span,
                    var t when t == typeof(string) => "甲",
                    var t when t == typeof(int) || t == typeof(int?) => 2,
                    var t when t == typeof(long) => 2L,
                    var t when t == typeof(TimeSpan) => TimeSpan.FromMinutes(2),
                    var t when t == typeof(IReadOnlyList<Diagnostic>) => (IReadOnlyList<Diagnostic>)[Diagnostic.Error("FS4001", "甲", span)],
                    var t when t == typeof(IReadOnlyList<Engine.Statute.FormViolation>) =>
                        (IReadOnlyList<Engine.Statute.FormViolation>)[new Engine.Statute.FormViolation("甲", "甲", ["甲"], "甲", null)],
                    _ => throw new InvalidOperationException($"No placeholder for {p.ParameterType} in {method.Name}"),
                }).ToArray();
                var created = method.Invoke(null, arguments);
                var pair = created switch
                {
                    Diagnostic d => (d.Code, d.Message),
                    ReviewError e => (e.Code, e.Message),
                    ApiProblem a => (a.Code, a.Title + "：" + a.Detail),
                    _ => throw new InvalidOperationException(method.Name),
                };
                found.Add(($"{factory.Name}.{method.Name}", pair, prefix));
            }
        }

        return found;
    }

    [Fact]
    public void Codes_AreUnique()
    {
        var duplicates = AllDiagnostics().GroupBy(d => d.Diagnostic.Code).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Method))}").ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Codes_AreInTheirLayersRange()
    {
        Assert.All(AllDiagnostics(), d => Assert.Matches($"^{d.Prefix}[0-9]{{3}}$", d.Diagnostic.Code));
    }

    [Fact]
    public void Messages_AreChinese()
    {
        // Placeholders are Chinese too, so the message's own words must make up most of it.
        Assert.All(AllDiagnostics(), d => Assert.True(
            d.Diagnostic.Message.Count(c => c is >= '\u4e00' and <= '\u9fff') >= 6, $"{d.Method}: {d.Diagnostic.Message}"));
    }

    [Fact]
    public void Codes_AreEachDocumentedOnce_AndTheDocumentationHasNoOthers()
    {
        var documented = Heading().Matches(File.ReadAllText(Repository.Path("docs", "diagnostics.md")))
            .Select(m => m.Groups[1].Value).ToList();
        var used = AllDiagnostics().Select(d => d.Diagnostic.Code).ToList();

        Assert.Empty(used.Except(documented));
        Assert.Empty(documented.Except(used));
        Assert.Equal(documented.Count, documented.Distinct().Count());
        Assert.Equal(documented.Order(StringComparer.Ordinal), documented);
    }

    [GeneratedRegex("^## (FS[0-9]{4})", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
