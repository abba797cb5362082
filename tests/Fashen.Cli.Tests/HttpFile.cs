using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Fashen.Cli.Tests;

/// <summary>Runs a <c>.http</c> file as the REST Client of VS Code, Visual Studio and Rider do: file
/// variables (<c>@name = value</c>), requests separated by <c>###</c>, named with <c># @name</c>, and
/// <c>{{name.response.body.$.path}}</c> taken from earlier responses, and a body read from a file (<c>&lt; ./path</c>, relative to
/// the .http file) sent as its bytes.</summary>
internal sealed partial class HttpFile
{
    private readonly Dictionary<string, string> _variables = [];
    private readonly Dictionary<string, JsonElement> _responses = [];
    private readonly List<Request> _requests = [];
    private readonly string _folder;

    private HttpFile(string folder)
    {
        _folder = folder;
    }

    /// <summary>One request of the file, as written.</summary>
    public sealed record Request(string Title, string? Name, string Method, string Url, IReadOnlyList<(string Name, string Value)> Headers, string Body);

    /// <summary>One request as sent, and its answer.</summary>
    public sealed record Exchange(Request Request, int Status, JsonElement Body);

    public IReadOnlyList<Request> Requests => _requests;

    public static HttpFile Parse(string path)
    {
        var file = new HttpFile(Path.GetDirectoryName(Path.GetFullPath(path))!);
        foreach (var block in Regex.Split(File.ReadAllText(path).Replace("\r\n", "\n"), @"^###", RegexOptions.Multiline))
        {
            file.ParseBlock(block);
        }

        return file;
    }

    /// <summary>Sends every request in order; <paramref name="overrides"/> replace file variables.</summary>
    public async Task<IReadOnlyList<Exchange>> RunAsync(HttpClient client, IReadOnlyDictionary<string, string> overrides)
    {
        foreach (var (name, value) in overrides)
        {
            _variables[name] = value;
        }

        var exchanges = new List<Exchange>();
        foreach (var request in _requests)
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), Substitute(request.Url));
            var body = Substitute(request.Body);
            string? contentType = null;
            foreach (var (name, value) in request.Headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = Substitute(value);
                }
                else
                {
                    message.Headers.Add(name, Substitute(value));
                }
            }

            if (body.StartsWith("< ", StringComparison.Ordinal))
            {
                message.Content = new ByteArrayContent(File.ReadAllBytes(Path.Combine(_folder, body[2..].Trim())));
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/octet-stream");
            }
            else if (body.Length > 0)
            {
                message.Content = new StringContent(body, Encoding.UTF8);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "text/plain");
            }

            using var response = await client.SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            if (request.Name is not null)
            {
                _responses[request.Name] = json;
            }

            exchanges.Add(new Exchange(request, (int)response.StatusCode, json));
        }

        return exchanges;
    }

    private void ParseBlock(string block)
    {
        var lines = block.Split('\n');
        var title = lines[0].Trim();
        string? name = null;
        var i = 1;

        // Before the request line: file variables, comments and the request's name.
        for (; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (VariableLine().Match(line) is { Success: true } variable)
            {
                _variables[variable.Groups[1].Value] = variable.Groups[2].Value.Trim();
            }
            else if (NameLine().Match(line) is { Success: true } named)
            {
                name = named.Groups[1].Value;
            }
            else if (line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("//", StringComparison.Ordinal))
            {
                break;
            }
        }

        if (i == lines.Length)
        {
            return;
        }

        var requestLine = lines[i++].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var headers = new List<(string, string)>();
        for (; i < lines.Length && lines[i].Trim().Length > 0; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            headers.Add((lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
        }

        var body = string.Join('\n', lines.Skip(i)).Trim();
        _requests.Add(new Request(title, name, requestLine[0], requestLine[1], headers, body));
    }

    private string Substitute(string text) => Reference().Replace(text, match =>
    {
        var reference = match.Groups[1].Value.Trim();
        if (_variables.TryGetValue(reference, out var value))
        {
            return Substitute(value);
        }

        var parts = reference.Split(".response.body.$", 2);
        if (parts.Length == 2 && _responses.TryGetValue(parts[0], out var body))
        {
            var element = body;
            foreach (Match step in PathStep().Matches(parts[1]))
            {
                var found = step.Groups[1].Success
                    ? element.ValueKind == JsonValueKind.Object && element.TryGetProperty(step.Groups[1].Value, out var property) ? property : (JsonElement?)null
                    : element.ValueKind == JsonValueKind.Array && int.Parse(step.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) is var index && index < element.GetArrayLength() ? element[index] : null;
                element = found ?? throw new InvalidOperationException($"{{{{{reference}}}}}: no {step.Value} in the response {body}");
            }

            return element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
        }

        throw new InvalidOperationException($"Unknown reference {{{{{reference}}}}}");
    });

    [GeneratedRegex(@"^@([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$")]
    private static partial Regex VariableLine();

    [GeneratedRegex(@"^(?:#|//)\s*@name\s+(\S+)$")]
    private static partial Regex NameLine();

    [GeneratedRegex(@"\{\{(.+?)\}\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\.([^.\[]+)|\[([0-9]+)\]")]
    private static partial Regex PathStep();
}
