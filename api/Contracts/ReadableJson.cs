using System.Text.Encodings.Web;
using System.Text.Json;

namespace Fashen.Api.Contracts;

/// <summary>How Fashen writes JSON for people to read as well as machines: web names (camelCase), indented,
/// Chinese as written rather than escaped. Used by the command line's JSON output and the published catalogues.</summary>
public static class ReadableJson
{
    /// <summary>Gets the serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
