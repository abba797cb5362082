using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Fashen.Cli.Tests;

/// <summary><c>fashen import</c>: a published catalogue in each form it comes in, to a draft that lints with only the draft
/// warning, the rows counted.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly SampleCopy _samples = new();

    public void Dispose() => _samples.Dispose();

    [Theory]
    [InlineData("published.txt", 6, 5, 0, 1, "当事人类型 in [自然人] 且 罚款金额 2000元以上")]
    [InlineData("published.html", 4, 4, 0, 0, "当事人类型 in [单位] 且 罚款金额 + 没收金额 10万元以上")]
    [InlineData("published.csv", 3, 3, 0, 0, "没收金额 5万元以上")]
    public void Import_PublishedFile_WritesADraftThatLints(string file, int rows, int full, int partial, int none, string condition)
    {
        var draft = _samples.Catalogue("draft.yaml");
        var (exit, _, error) = Fashen.Run("import", $"samples/import/{file}", "--department", "draft", "--name", "导入测试局", "--output", draft);

        Assert.True(exit == 0, error);
        Assert.Contains($"读取了 {rows} 行：完整读取 {full} 行，部分读取 {partial} 行，未能读取 {none} 行。", error, StringComparison.Ordinal);
        Assert.Contains(condition, File.ReadAllText(draft), StringComparison.Ordinal);
        AssertLintsWithDraftWarningsOnly(draft, full + partial);
    }

    [Fact]
    public void Import_WordDocument_ReadsTheItemColumnOfItsTable()
    {
        var docx = Path.Combine(_samples.Root, "published.docx");
        using (var document = WordprocessingDocument.Create(docx, WordprocessingDocumentType.Document))
        {
            var table = new Table(
                Row("序号", "重大执法决定情形", "依据"),
                Row("1", "拟作出没收违法所得的三倍以上罚款的", "某法"),
                Row("2", "拟对法人或者其他组织处以二十万元以上不满五十万元罚款的", "某法"),
                Row("3", "拟作出查封、扣押决定的", "《中华人民共和国行政强制法》"));
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("目录清单"))), table));
        }

        var draft = _samples.Catalogue("draft.yaml");
        var (exit, _, error) = Fashen.Run("import", docx, "--output", draft);

        Assert.True(exit == 0, error);
        Assert.Contains("读取了 3 行", error, StringComparison.Ordinal);
        var yaml = File.ReadAllText(draft);
        Assert.Contains("title: \"拟对法人或者其他组织处以二十万元以上不满五十万元罚款的\"", yaml, StringComparison.Ordinal);
        Assert.Contains("when: \"当事人类型 in [法人, 非法人组织] 且 罚款金额 20万元以上、不满 50万元\"", yaml, StringComparison.Ordinal);
        Assert.Contains("when: \"强制措施 in [查封, 扣押]\"", yaml, StringComparison.Ordinal);
        AssertLintsWithDraftWarningsOnly(draft, yaml.Split("\n    draft: true").Length - 1);
    }

    [Fact]
    public void Import_CsvSavedInGb18030_IsReadAsWell()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var csv = Path.Combine(_samples.Root, "gbk.csv");
        File.WriteAllBytes(csv, System.Text.Encoding.GetEncoding("GB18030").GetBytes(File.ReadAllText(Repository.Samples("import", "published.csv"))));
        var draft = _samples.Catalogue("draft.yaml");

        var (exit, _, error) = Fashen.Run("import", csv, "--output", draft);

        Assert.True(exit == 0, error);
        Assert.Contains("完整读取 3 行", error, StringComparison.Ordinal);
        Assert.Contains("疑难复杂", File.ReadAllText(draft), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NotADocument_IsAClearError()
    {
        var broken = Path.Combine(_samples.Root, "broken.docx");
        File.WriteAllText(broken, "这不是 Word 文件");

        var (exit, _, error) = Fashen.Run("import", broken);

        Assert.Equal(1, exit);
        Assert.Contains("无法读取", error, StringComparison.Ordinal);
    }

    private static void AssertLintsWithDraftWarningsOnly(string draft, int rules)
    {
        var (exit, output, error) = Fashen.Run("lint", draft);
        Assert.True(exit == 0, output + error);
        Assert.Equal(rules, (output + error).Split("FS3048").Length - 1);
        Assert.DoesNotContain("error", output + error, StringComparison.Ordinal);
    }

    private static TableRow Row(params string[] cells) =>
        new(cells.Select(c => new TableCell(new Paragraph(new Run(new Text(c) { Space = SpaceProcessingModeValues.Preserve })))));
}
