using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fashen.Engine.Records;

/// <summary>One canonical serialisation for everything that is hashed or signed: object members
/// sorted by ordinal key, no insignificant whitespace, UTF-8, one fixed escaping.</summary>
/// <remarks>Two documents with the same content always give the same bytes, whatever order their
/// members were written in, so their hashes can be compared.</remarks>
public static class CanonicalJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>Serialises a JSON tree canonically.</summary>
    /// <param name="node">The tree; null serialises as <c>null</c>.</param>
    /// <returns>The canonical text.</returns>
    public static string Serialize(JsonNode? node) => Sorted(node)?.ToJsonString(Options) ?? "null";

    /// <summary>Serialises a value canonically, through its System.Text.Json form.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="options">The serialiser options that shape the value (naming, converters).</param>
    /// <returns>The canonical text.</returns>
    public static string Serialize<T>(T value, JsonSerializerOptions options) => Serialize(JsonSerializer.SerializeToNode(value, options));

    /// <summary>Computes the SHA-256 of a text's UTF-8 bytes.</summary>
    /// <param name="text">The text.</param>
    /// <returns><c>sha256:</c> and 64 lowercase hex digits.</returns>
    public static string Hash(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}
