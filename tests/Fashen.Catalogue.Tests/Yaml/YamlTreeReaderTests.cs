using Fashen.Catalogue.Loading;
using Fashen.Catalogue.Schema;
using Fashen.Catalogue.Yaml;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Tests.Yaml;

public class YamlTreeReaderTests
{
    private static (YamlNode? Root, IReadOnlyList<Fashen.Grammar.Diagnostics.Diagnostic> Diagnostics) Read(string yaml) =>
        YamlTreeReader.Read(new SourceText("t.yaml", yaml));

    [Fact]
    public void Read_DuplicateKeys_ReportsEachWithFirstLine()
    {
        var (root, diagnostics) = Read("a: 1\nb: 2\na: 3\nb: 4\n");

        Assert.Equal(["FS2005", "FS2005"], diagnostics.Select(d => d.Code));
        Assert.Equal([3, 4], diagnostics.Select(d => d.Span.Line));
        Assert.Contains("第 1 行已有", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal("1", ((YamlScalar)((YamlMapping)root!).Get("a")!).Value);
    }

    [Fact]
    public void Read_MergeKey_CopiesEntriesAndLocalKeysWin()
    {
        var (root, diagnostics) = Read("base: &b { x: 1, y: 2 }\nuse: { <<: *b, y: 3 }\n");

        Assert.Empty(diagnostics);
        var use = (YamlMapping)((YamlMapping)root!).Get("use")!;
        Assert.Equal(["y", "x"], use.Entries.Select(e => e.Key.Value));
        Assert.Equal("3", ((YamlScalar)use.Get("y")!).Value);
        Assert.Equal("1", ((YamlScalar)use.Get("x")!).Value);
    }

    [Fact]
    public void Read_SecondDocument_ReportsFS2013()
    {
        var (_, diagnostics) = Read("a: 1\n---\nb: 2\n");
        Assert.Equal("FS2013", Assert.Single(diagnostics).Code);
        Assert.Equal(2, diagnostics[0].Span.Line);
    }

    [Theory]
    [InlineData("a:\n\tb: 1\n", 2, 1, "制表符")]
    [InlineData("a:\n  b: 1\n\tc: 2\n", 3, 1, "制表符")]
    [InlineData("a: [1, 2\nb: 3\n", 1, 4, "方括号")]
    [InlineData("a: \"unterminated\nb: 3\n", 1, 4, "引号")]
    [InlineData("a: *nowhere\n", 1, 4, "锚点")]
    [InlineData("a: 1\n b: 2\n", 2, 3, "缩进")]
    public void Read_SyntaxError_ReportsFS2001WithoutThrowing(string yaml, int line, int column, string hint)
    {
        var (root, diagnostics) = Read(yaml);

        Assert.Null(root);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("FS2001", diagnostic.Code);
        Assert.Equal((line, column), (diagnostic.Span.Line, diagnostic.Span.Column));
        Assert.Contains(hint, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NestingBeyondLimit_ReportsFS2001()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200));
        var (_, diagnostics) = Read("a: " + deep + "\n");
        Assert.Equal("FS2001", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Read_MutatedSampleCatalogues_NeverThrow()
    {
        // Deletions, duplications and stray characters at random places of real catalogues: the
        // reader and the catalogue loader must answer with diagnostics, never with an exception.
        var schema = FactSchemaLoader.Load(new SourceText("facts.yaml", File.ReadAllText(Repository.Samples("facts.yaml")))).Value!;
        var samples = Directory.GetFiles(Repository.Samples("catalogues"), "*.yaml").Select(File.ReadAllText).ToList();
        string[] noise = ["\t", ":", "- ", "[", "]", "{", "}", "\"", "'", "&a ", "*a", "<<: ", "\n", "  ", "#", "%", "!", "？", "且", "非"];
        var random = new Random(7);
        for (var i = 0; i < 400; i++)
        {
            var text = samples[random.Next(samples.Count)];
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                text = random.Next(3) switch
                {
                    0 => text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at)),
                    1 => text.Insert(at, noise[random.Next(noise.Length)]),
                    _ => text.Insert(at, text.Substring(at, Math.Min(random.Next(1, 80), text.Length - at))),
                };
            }

            var (root, _) = YamlTreeReader.Read(new SourceText("m.yaml", text));
            if (root is YamlMapping mapping && CatalogueReader.IsCatalogue(mapping))
            {
                var result = CatalogueReader.Read(mapping, schema);
                Assert.True(result.Succeeded || result.Diagnostics.Any(d => d.IsError));
            }
        }
    }
}
