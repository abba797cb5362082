using System.Text.Json;
using Fashen.Api.Contracts;
using Fashen.Engine.Classification;

namespace Fashen.Cli.Output;

/// <summary>Writes a classification as JSON for machines, in exactly the shape the HTTP API answers with.</summary>
internal static class ClassificationJson
{
    public static string Write(ClassificationResult result) =>
        JsonSerializer.Serialize(ClassificationResponse.From(result), ReadableJson.Options) + "\n";
}
