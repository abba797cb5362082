using System.Text.Json.Nodes;

namespace Fashen.Engine.Records;

/// <summary>Reads members of an entry's data that may be missing, null or of another type in entries written by older versions.</summary>
internal static class EntryFields
{
    /// <summary>Reads a text member.</summary>
    /// <param name="node">The object, or null.</param>
    /// <param name="key">The member.</param>
    /// <returns>Its text, or null when it is missing or not text.</returns>
    public static string? Text(JsonNode? node, string key) => node?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
