using System.Text.Json;
using System.Text.Json.Nodes;
using Fashen.Engine.Decisions;
using Fashen.Engine.Records;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Api.Problems;

/// <summary>Reads request bodies that carry a decision as text, so that a mistake in the decision is
/// reported with its line and column in the body.</summary>
public static class RequestBodies
{
    /// <summary>A body read: its text, its canonical form (to recognise retries) and its JSON tree.</summary>
    public sealed record Body(SourceText Source, string Fingerprint, JsonNode Json);

    /// <summary>Reads a JSON body as text only: for a body that is one decision, which <see cref="DecisionJsonReader"/>
    /// reads and checks by itself (malformed JSON, a lone surrogate, too deep), with no tree and no canonical form.</summary>
    public static async Task<(SourceText? Source, IResult? Problem)> ReadTextAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            return (null, ProblemResults.From(ApiProblems.UnsupportedMediaType()));
        }

        using var reader = new StreamReader(request.Body);
        return (new SourceText("request", await reader.ReadToEndAsync(request.HttpContext.RequestAborted)), null);
    }

    public static async Task<(Body? Body, IResult? Problem)> ReadJsonAsync(HttpRequest request)
    {
        var (source, unsupported) = await ReadTextAsync(request);
        if (source is null)
        {
            return (null, unsupported);
        }

        try
        {
            var json = JsonNode.Parse(source.Text, documentOptions: new JsonDocumentOptions { MaxDepth = 32, AllowDuplicateProperties = false });
            if (json is not JsonObject)
            {
                return (null, ProblemResults.From(ApiProblems.MalformedJson("请求体应为一个 JSON 对象 { … }。")));
            }

            return (new Body(source, CanonicalJson.Serialize(json), json), null);
        }
        catch (JsonException)
        {
            var diagnostics = DecisionJsonReader.Read(source).Diagnostics;
            return (null, ProblemResults.From(ApiProblems.MalformedJson(), diagnostics));
        }
        catch (InvalidOperationException)
        {
            // Well-formed JSON whose string holds an escape that is no text (a lone surrogate, \uD800): found when
            // the canonical form is written, before anything is read from it.
            return (null, ProblemResults.From(ApiProblems.MalformedJson("请求体的字符串中有不成对的 Unicode 代理项转义（如单独的 \\uD800），不是有效的文字，请改正。")));
        }
    }

    /// <summary>Reads the decision held by one member of the body.</summary>
    public static Result<Decision> Decision(Body body, string member) => DecisionJsonReader.ReadMember(body.Source, member);

    /// <summary>Reads a list of texts from a member; null when absent.</summary>
    public static IReadOnlyList<string>? Strings(JsonNode json, string member, out string? problem)
    {
        problem = null;
        var node = json[member];
        if (node is null)
        {
            return null;
        }

        if (node is JsonArray array && array.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String))
        {
            return array.Select(i => i!.GetValue<string>()).ToList();
        }

        problem = $"“{member}”应为文字列表，例如 [\"调查终结报告\"]。";
        return null;
    }

    /// <summary>Reads a text from a member; null when absent.</summary>
    public static string? Text(JsonNode json, string member, out string? problem)
    {
        problem = null;
        var node = json[member];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        problem = $"“{member}”应为文字。";
        return null;
    }
}
