using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fashen.Engine.Classification;
using Fashen.Grammar.Diagnostics;

namespace Fashen.Cli.Output;

/// <summary>Writes a classification as JSON for machines: camelCase, dates as yyyy-MM-dd, Chinese kept readable.</summary>
internal static class ClassificationJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Write(ClassificationResult result) => JsonSerializer.Serialize(ToWire(result), Options) + "\n";

    private static object ToWire(ClassificationResult r) => new
    {
        caseId = r.CaseId,
        classification = r.Kind.ToWire(),
        summary = r.Summary,
        catalogue = new
        {
            id = r.Catalogue.Id,
            name = r.Catalogue.Name,
            version = r.Catalogue.Version,
            revision = r.Catalogue.Revision,
            effectiveFrom = Formatting.Date(r.Catalogue.EffectiveFrom),
        },
        matchedRules = r.MatchedRules.Select(m => new
        {
            id = m.Id,
            title = m.Title,
            basis = m.Basis,
            explanation = m.Explanation,
            location = new { file = m.Location.File, line = m.Location.Line, column = m.Location.Column },
        }),
        missingFacts = r.MissingFacts.Select(m => new { key = m.Key, label = m.Label, rules = m.RuleIds }),
        nearMisses = r.NearMisses.Select(n => new { id = n.Id, title = n.Title, failed = n.Failed, toMatch = n.ToMatch }),
        checklist = r.Checklist.Select(c => new { id = c.Id, title = c.Title, question = c.Question, source = c.Source }),
        materials = r.Materials,
        deadline = r.Deadline is { } d
            ? new
            {
                workingDays = d.WorkingDays,
                materialsCompleteOn = Formatting.Date(d.MaterialsCompleteOn),
                startsOn = Formatting.Date(d.StartsOn),
                dueDate = Formatting.Date(d.DueDate),
                extensionWorkingDays = d.ExtensionWorkingDays,
            }
            : null,
        diagnostics = r.Diagnostics.Select(Diagnostic),
    };

    private static object Diagnostic(Diagnostic d) => new
    {
        code = d.Code,
        severity = d.IsError ? "error" : "warning",
        message = d.Message,
        file = d.Span.File,
        line = d.Span.Line,
        column = d.Span.Column,
    };
}
