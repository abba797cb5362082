using System.Security.Cryptography;
using System.Text;
using Fashen.Catalogue.Yaml;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Facts;
using Fashen.Engine.Statute;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Statute;

/// <summary>The national baseline (全国法定基准, <c>statute.yaml</c>) as read from its file: the forms the law itself
/// requires of decisions, written in the catalogue language, which every department's catalogue stands on. Its forms
/// are bound against each catalogue's fact schema when that catalogue is read.</summary>
public sealed class StatuteFile
{
    /// <summary>The file name looked for, upwards from a catalogue, when it names no baseline.</summary>
    public const string FileName = "statute.yaml";

    private static readonly string[] RootKeys = ["statute", "forms"];
    private static readonly string[] HeaderKeys = ["name", "version"];

    private StatuteFile(string name, string version, YamlSequence? forms, SourceText source)
    {
        Forms = forms;
        Source = source;
        Reference = new StatuteReference(name, version, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source.Text))));
    }

    /// <summary>Gets the keys each kind of mapping in the file allows.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Keys { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["statute"] = RootKeys,
        ["statute.header"] = HeaderKeys,
        ["statute.form"] = FormReader.NationalKeys,
    };

    /// <summary>Gets the baseline as answers name it: name, version and the content hash of the file.</summary>
    public StatuteReference Reference { get; }

    /// <summary>Gets the file.</summary>
    public SourceText Source { get; }

    private YamlSequence? Forms { get; }

    /// <summary>Tells whether a YAML root is a national baseline: it starts with <c>statute</c> and is no catalogue.</summary>
    /// <param name="root">The root node.</param>
    /// <returns>True for a baseline.</returns>
    public static bool IsStatute(YamlMapping root) => root.Get("statute") is YamlMapping && root.Get("department") is null;

    /// <summary>Reads a baseline's header and keeps its forms to bind.</summary>
    /// <param name="root">The file's root node.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <returns>The baseline, or null when its header cannot be read.</returns>
    public static StatuteFile? Read(YamlMapping root, List<Diagnostic> diagnostics)
    {
        var reader = new MappingReader(root, RootKeys, diagnostics);
        string? name = null, version = null;
        if (reader.Map("statute", required: true, "全国法定基准：name 与 version") is { } header)
        {
            var headerReader = new MappingReader(header, HeaderKeys, diagnostics);
            name = headerReader.Text("name", required: true, "名称，如“全国法定基准”");
            version = headerReader.Text("version", required: true, "版本，如“2021.1”");
        }

        var forms = reader.Sequence("forms", required: true, "法定形式", "列表（每项一个法定形式，以“- id:”开头）");
        return name is null || version is null ? null : new StatuteFile(name, version, forms, root.Source);
    }

    /// <summary>Binds the forms against a catalogue's fact schema.</summary>
    /// <param name="schema">The catalogue's schema.</param>
    /// <param name="diagnostics">Where problems go; they point into this file.</param>
    /// <returns>The forms read without errors.</returns>
    public List<StatutoryForm> FormsFor(FactSchema schema, List<Diagnostic> diagnostics) => Forms is null
        ? []
        : FormReader.Read(Forms, national: true, $"{Reference.Name} {Reference.Version}", schema, new Dictionary<string, NamedThreshold>(StringComparer.Ordinal), diagnostics);
}
