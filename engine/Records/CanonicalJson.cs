using System.Buffers;
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

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = Options.Encoder,
        Indented = false,
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Serialises a JSON tree canonically.</summary>
    /// <param name="node">The tree; null serialises as <c>null</c>.</param>
    /// <returns>The canonical text.</returns>
    /// <remarks>Writes the members in order as it goes, rather than building a sorted copy of the tree: every
    /// classification and every record's hash passes through here (CanonicalJsonTests hold the bytes fixed).</remarks>
    public static string Serialize(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Serialises a value canonically, through its System.Text.Json form.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="options">The serialiser options that shape the value (naming, converters).</param>
    /// <returns>The canonical text.</returns>
    public static string Serialize<T>(T value, JsonSerializerOptions options) => Serialize(JsonSerializer.SerializeToNode(value, options));

    /// <summary>Hashes canonical JSON written member by member, without building a tree first: the caller writes
    /// object members in ordinal order of their names (<see cref="AuditChain.ComputeHash"/> on every append).</summary>
    /// <typeparam name="TState">What the writing reads.</typeparam>
    /// <param name="state">What the writing reads.</param>
    /// <param name="write">Writes one JSON value, members in ordinal order.</param>
    /// <returns>As <see cref="Hash(string)"/> of the same text.</returns>
    public static string Hash<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        // One buffer and writer per thread: the record's writer hashes every entry it appends, and verification
        // every entry of the record.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        write(writer, state);
        writer.Flush();
        return Sha256(buffer.WrittenSpan);
    }

    /// <summary>Computes the SHA-256 of a text's UTF-8 bytes.</summary>
    /// <param name="text">The text.</param>
    /// <returns><c>sha256:</c> and 64 lowercase hex digits.</returns>
    public static string Hash(string text) => Sha256(Encoding.UTF8.GetBytes(text));

    private static string Sha256(ReadOnlySpan<byte> utf8) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(utf8));

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer, Options);
                break;
        }
    }
}
