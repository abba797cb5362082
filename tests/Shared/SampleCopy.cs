namespace Fashen.Tests;

/// <summary>A copy of the sample catalogues in a temporary folder, laid out as in the repository (the fact
/// schema and holiday calendar one folder above the catalogues), for tests that edit catalogues.</summary>
internal sealed class SampleCopy : IDisposable
{
    public SampleCopy()
    {
        File.Copy(Repository.Samples("facts.yaml"), System.IO.Path.Combine(Root, "facts.yaml"));
        File.Copy(Repository.Samples("holidays.yaml"), System.IO.Path.Combine(Root, "holidays.yaml"));
        File.Copy(Repository.Samples("statute.yaml"), System.IO.Path.Combine(Root, "statute.yaml"));
        foreach (var file in Directory.GetFiles(Repository.Samples("catalogues"), "*.yaml", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Catalogues, System.IO.Path.GetRelativePath(Repository.Samples("catalogues"), file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Gets the folder holding the schema, the calendar and the catalogues folder.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("fashen-samples-").FullName;

    /// <summary>Gets the catalogues folder.</summary>
    public string Catalogues => System.IO.Path.Combine(Root, "catalogues");

    /// <summary>Gets a catalogue file's full path.</summary>
    public string Catalogue(string file) => System.IO.Path.Combine(Catalogues, file);

    /// <summary>Edits a catalogue file.</summary>
    public void Edit(string file, Func<string, string> edit) => File.WriteAllText(Catalogue(file), edit(File.ReadAllText(Catalogue(file))));

    /// <summary>Raises or lowers scjg's food, drug and special-equipment band, written twice in the file: as the
    /// named threshold and, as the source document words it, in the condition.</summary>
    public static string WithFoodBand(string catalogue, string amount) => catalogue
        .Replace("食药特单位罚款档: 5万元", $"食药特单位罚款档: {amount}", StringComparison.Ordinal)
        .Replace("食药特单位罚款档 以上（含5万元）", $"食药特单位罚款档 以上（含{amount}）", StringComparison.Ordinal);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
