using System.Security.Cryptography;
using System.Text;
using Fashen.Catalogue.Diagnostics;
using Fashen.Catalogue.Loading;
using Fashen.Catalogue.Yaml;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Facts;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Standards;

/// <summary>Standards fixed above the department (上级标准): amounts such as 较大数额 that a province or ministry sets, and the review
/// deadline a higher level may set for every department, in a file of their own (<c>*.standards.yaml</c> or <c>standards.yaml</c>)
/// that catalogues name (<c>standards: [名称]</c>). A catalogue uses a shared threshold by its name; it may make one stricter
/// but not looser (FS3049), and may shorten the shared deadline but not lengthen it (FS3050).</summary>
public sealed class StandardsFile
{
    private static readonly string[] RootKeys = ["standards", "thresholds", "deadline"];
    private static readonly string[] HeaderKeys = ["name", "version", "issued_by", "basis"];

    private StandardsFile(string name, string version, string? issuedBy, IReadOnlyList<NamedThreshold> thresholds, int? deadline, SourceText source)
    {
        Name = name;
        Version = version;
        IssuedBy = issuedBy;
        Thresholds = thresholds;
        DeadlineWorkingDays = deadline;
        Revision = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source.Text)));
    }

    /// <summary>Gets the keys each kind of mapping in the file allows.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Keys { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["standards"] = RootKeys,
        ["standards.header"] = HeaderKeys,
    };

    /// <summary>Gets the name catalogues use for it (山东省行政处罚听证较大数额标准).</summary>
    public string Name { get; }

    /// <summary>Gets the version.</summary>
    public string Version { get; }

    /// <summary>Gets the body that set the standards, if given.</summary>
    public string? IssuedBy { get; }

    /// <summary>Gets the shared thresholds.</summary>
    public IReadOnlyList<NamedThreshold> Thresholds { get; }

    /// <summary>Gets the review deadline set at this level, in working days, or null.</summary>
    public int? DeadlineWorkingDays { get; }

    /// <summary>Gets the content hash of the file; part of the revision of every catalogue that uses it.</summary>
    public string Revision { get; }

    /// <summary>Tells whether a YAML root is a standards file: it starts with <c>standards</c> as a mapping and is no catalogue.</summary>
    /// <param name="root">The root node.</param>
    /// <returns>True for a standards file.</returns>
    public static bool IsStandards(YamlMapping root) => root.Get("standards") is YamlMapping && root.Get("department") is null;

    /// <summary>Reads a standards file.</summary>
    /// <param name="root">The file's root node.</param>
    /// <param name="schema">The fact schema, whose names a threshold must not take.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <returns>The standards, or null when the header cannot be read.</returns>
    public static StandardsFile? Read(YamlMapping root, FactSchema schema, List<Diagnostic> diagnostics)
    {
        var reader = new MappingReader(root, RootKeys, diagnostics);
        string? name = null, version = null, issuedBy = null;
        if (reader.Map("standards", required: true, "上级标准：name、version、issued_by") is { } header)
        {
            var headerReader = new MappingReader(header, HeaderKeys, diagnostics);
            name = headerReader.Text("name", required: true, "名称，如“山东省行政处罚听证较大数额标准”");
            version = headerReader.Text("version", required: true, "版本，如“2021.1”");
            issuedBy = headerReader.Text("issued_by", required: false, "制定机关");
            headerReader.TextList("basis", required: false, "依据", nonEmpty: false);
        }

        var thresholds = CatalogueReader.ReadThresholds(reader, schema, diagnostics, new HashSet<string>(StringComparer.Ordinal));
        var deadline = CatalogueReader.WorkingDays(reader.Scalar("deadline", required: false, "上级规定的审核时限，如“5 个工作日”"), allowZero: false, diagnostics);
        if (thresholds.Count == 0 && deadline is null && root.Get("standards") is { } node)
        {
            diagnostics.Add(CatalogueDiagnostics.StandardsEmpty(node.Span));
        }

        return name is null || version is null ? null : new StandardsFile(name, version, issuedBy, thresholds.Values.ToList(), deadline, root.Source);
    }
}
