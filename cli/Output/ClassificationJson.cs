using System.Text.Encodings.Web;
using System.Text.Json;
using Fashen.Api.Contracts;
using Fashen.Engine.Classification;

namespace Fashen.Cli.Output;

/// <summary>Writes a classification as JSON for machines, in exactly the shape the HTTP API answers with.</summary>
internal static class ClassificationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ClassificationResult result) =>
        JsonSerializer.Serialize(ClassificationResponse.From(result), Options) + "\n";
}
