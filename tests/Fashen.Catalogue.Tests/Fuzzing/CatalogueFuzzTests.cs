using CsCheck;
using Fashen.Catalogue.Loading;

namespace Fashen.Catalogue.Tests.Fuzzing;

/// <summary>The catalogue loader under mutated sample files and hostile YAML: never a crash or a hang,
/// always a catalogue or a diagnostic with a code and a place.</summary>
public sealed class CatalogueFuzzTests : IDisposable
{
    private static readonly string[] Files = Directory.GetFiles(Repository.Samples("catalogues"), "*.yaml");

    // Lines a mutation inserts: YAML structure, anchors, tags, odd scalars and characters that are not text.
    private static readonly string[] Inserts =
    [
        "  - ", ": ", "- id: X-1", "when: ", "  when: 罚款金额 >= ", "{", "}", "[", "]", "&a ", "*a", "<<: *a", "!!binary ", "? ",
        "|", ">-", "---", "...", "%YAML 1.1", "\t", "'", "\"", "# 注释", "99999999999999999999999999", "2026-02-30", "~", "null",
        "\u0000", "\uFEFF", "😀", "\u2028", "罚款金额", "thresholds:", "rules:", "tests:", "extends: scjg", "effective_to: 2020-01-01",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("fashen-fuzz-").FullName;

    public CatalogueFuzzTests()
    {
        File.Copy(Repository.Samples("facts.yaml"), Path.Combine(_folder, "facts.yaml"));
        File.Copy(Repository.Samples("statute.yaml"), Path.Combine(_folder, "statute.yaml"));
        File.Copy(Repository.Samples("holidays.yaml"), Path.Combine(_folder, "holidays.yaml"));
        Directory.CreateDirectory(Path.Combine(_folder, "catalogues"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_MutatedSampleCatalogues_AlwaysACatalogueOrADiagnostic()
    {
        var mutated =
            from file in Gen.OneOf(Files)
            from edits in Gen.Int[1, 6]
            from seed in Gen.Int
            select (Name: Path.GetFileName(file), Text: Mutate(File.ReadAllText(file), edits, new Random(seed)));

        // One at a time: each case writes the same file.
        mutated.Sample(
            c =>
            {
                var path = Path.Combine(_folder, "catalogues", c.Name);
                // A mutation may cut a surrogate pair in two; written as UTF-8 it becomes U+FFFD, as an editor would save it.
                File.WriteAllText(path, c.Text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                try
                {
                    var workspace = CatalogueWorkspace.Load([path]);
                    Assert.True(workspace.Catalogues.Count == 1 || workspace.HasErrors, "Neither a catalogue nor an error.");
                    Assert.All(workspace.Diagnostics, d => Assert.Matches("^FS[1-4][0-9]{3}$", d.Code));
                    Assert.All(workspace.Diagnostics, d => Assert.NotEmpty(d.Message));
                }
                finally
                {
                    File.Delete(path);
                }
            },
            iter: 1000,
            threads: 1,
            print: c => c.Name + ":\n" + c.Text);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(40)]
    public void Load_DeeplyNestedYaml_IsADiagnostic(int depth)
    {
        var path = Path.Combine(_folder, "catalogues", "deep.yaml");
        File.WriteAllText(path, "department: " + new string('[', depth) + new string(']', depth) + "\n");

        var workspace = CatalogueWorkspace.Load([path]);

        Assert.True(workspace.HasErrors);
    }

    [Fact]
    public void Load_AliasBomb_IsReadWithoutBlowingUp()
    {
        // "Billion laughs": each level refers to the one before ten times.
        var lines = new List<string> { "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var level = 1; level < 12; level++)
        {
            lines.Add($"a{level}: &a{level} [" + string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10)) + "]");
        }

        var path = Path.Combine(_folder, "catalogues", "bomb.yaml");
        File.WriteAllText(path, "department: { id: bomb, name: 炸弹 }\n" + string.Join("\n", lines) + "\n");

        var workspace = CatalogueWorkspace.Load([path]);

        Assert.True(workspace.HasErrors);
    }

    private static string Mutate(string text, int edits, Random random)
    {
        var lines = text.Split('\n').ToList();
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(5))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    break;
                case 2:
                    var column = random.Next(lines[at].Length + 1);
                    lines[at] = lines[at].Insert(column, Inserts[random.Next(Inserts.Length)]);
                    break;
                case 3 when lines[at].Length > 0:
                    lines[at] = lines[at][..random.Next(lines[at].Length)];
                    break;
                default:
                    lines[at] = new string(' ', random.Next(6)) + lines[at].TrimStart();
                    break;
            }
        }

        return string.Join('\n', lines);
    }
}
