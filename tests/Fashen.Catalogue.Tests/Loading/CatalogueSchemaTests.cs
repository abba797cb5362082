using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fashen.Catalogue.Loading;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Fashen.Catalogue.Tests.Loading;

/// <summary>The JSON Schema editors validate and complete catalogue files with (docs/catalogue.schema.json):
/// referenced from every sample, accepting every sample, refusing what the reader refuses, and naming
/// exactly the keys the reader knows.</summary>
public sealed partial class CatalogueSchemaTests
{
    private static readonly string SchemaPath = Repository.Path("docs", "catalogue.schema.json");
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

    public static TheoryData<string> SampleFiles() => new(
        Directory.GetFiles(Repository.Samples("catalogues"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".masking.yaml", StringComparison.Ordinal))   // masking rules, not catalogues
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Sample_ReferencesTheSchema_AndIsValidByIt(string file)
    {
        var text = File.ReadAllText(Repository.Path(file));

        var reference = SchemaComment().Match(text.Split('\n')[0]);
        Assert.True(reference.Success, $"{file} does not start with # yaml-language-server: $schema=…");
        Assert.Equal(Path.GetFullPath(SchemaPath), Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Repository.Path(file))!, reference.Groups[1].Value)));
        var result = Evaluate(text);
        Assert.True(result.IsValid, $"{file}: " + Errors(result));
    }

    [Theory]
    [InlineData("effective_from: 2026-01-01", "effective_form: 2026-01-01")]
    [InlineData("    actions: [行政处罚]", "    actions: [行政处分]")]
    [InlineData("  deadline: 7 个工作日", "  deadline: 七个工作日")]
    [InlineData("    title: 减轻处罚的行政处罚决定", "    titel: 减轻处罚的行政处罚决定")]
    public void Mistake_TheReaderRefuses_TheSchemaRefusesToo(string written, string mistaken)
    {
        var text = File.ReadAllText(Repository.Samples("catalogues", "scjg.yaml"));
        Assert.Contains(written, text, StringComparison.Ordinal);

        var result = Evaluate(text.Replace(written, mistaken, StringComparison.Ordinal));

        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("catalogue", "")]
    [InlineData("department", "/properties/department")]
    [InlineData("defaults", "/properties/defaults")]
    [InlineData("rule", "/$defs/rule")]
    [InlineData("form", "/$defs/form")]
    [InlineData("test", "/$defs/test")]
    [InlineData("test.decision", "/$defs/test/properties/decision")]
    [InlineData("test.expect", "/$defs/test/properties/expect")]
    [InlineData("judgement", "/$defs/test/properties/decision/properties/facts/additionalProperties/anyOf/2")]
    public void Schema_NamesExactlyTheKeysTheReaderKnows(string mapping, string pointer)
    {
        var node = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonArray array ? array[int.Parse(part, CultureInfo.InvariantCulture)]! : node[part]!;
        }

        var keys = node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(CatalogueReader.Keys[mapping].Order(StringComparer.Ordinal), keys);
        Assert.False((bool)node["additionalProperties"]!);
    }

    private static EvaluationResults Evaluate(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var json = ToJson(stream.Documents[0].RootNode);
        using var document = JsonDocument.Parse(json!.ToJsonString());
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults result) => string.Join(
        "; ",
        (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}"));

    // YAML as an editor's language server reads it: plain scalars typed by the YAML core schema, merge keys applied.
    private static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var result = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (((YamlScalarNode)key).Value == "<<" && ToJson(value) is JsonObject merged)
                    {
                        foreach (var (name, item) in merged.ToList())
                        {
                            merged.Remove(name);
                            result.TryAdd(name, item);
                        }

                        continue;
                    }

                    result[((YamlScalarNode)key).Value!] = ToJson(value);
                }

                return result;
            case YamlSequenceNode sequence:
                return new JsonArray(sequence.Children.Select(ToJson).ToArray());
            case YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } plain:
                var text = plain.Value ?? string.Empty;
                return text switch
                {
                    "" or "~" or "null" => null,
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    _ when decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
                    _ => JsonValue.Create(text),
                };
            case YamlScalarNode scalar:
                return JsonValue.Create(scalar.Value);
            default:
                throw new InvalidOperationException(node.GetType().Name);
        }
    }

    [GeneratedRegex(@"^# yaml-language-server: \$schema=(\S+)\s*$")]
    private static partial Regex SchemaComment();
}
