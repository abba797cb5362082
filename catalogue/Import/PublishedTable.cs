using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using nietras.SeparatedValues;
using DocumentFormat.OpenXml.Packaging;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Fashen.Catalogue.Import;

/// <summary>The rows of a published catalogue: the wording of each item, read from pasted text, an HTML page, a CSV file or a
/// Word document. In a table, the column that holds the items is the one headed 情形/内容/范围/标准/事项 (else the one with the
/// longest text); numbering columns and header rows are left out.</summary>
public static partial class PublishedTable
{
    private static readonly string[] ItemHeaders = ["审核范围", "情形", "内容", "范围", "标准", "事项名称", "事项", "名称", "条件"];

    /// <summary>Reads a file by its kind: .docx, .html/.htm, .csv, else text.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The rows' wording, in order.</returns>
    public static IReadOnlyList<string> ReadFile(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".docx" => FromDocx(File.OpenRead(path)),
        ".html" or ".htm" => FromHtml(ReadText(path)),
        ".csv" => FromCsv(ReadText(path)),
        _ => FromText(ReadText(path)),
    };

    // UTF-8, or else GB18030: a table saved from Excel or a government site in China is often in the national encoding.
    private static string ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    /// <summary>Reads pasted text: one item per line (cells of a copied table separated by tabs). Lines are never joined: two
    /// items run together would be read as one, which is worse than an item split in two, which a person sees at once.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<string> FromText(string text)
    {
        var rows = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            rows.Add(line);
        }

        return Pick(rows.Select(r => r.Split('\t').Select(c => c.Trim()).ToList()).ToList());
    }

    /// <summary>Reads an HTML page: the rows of its tables, else its paragraphs and list items.</summary>
    /// <param name="html">The page.</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<string> FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var tableRows = document.QuerySelectorAll("tr")
            .Select(tr => tr.QuerySelectorAll("td, th").Select(c => Clean(c.TextContent)).ToList())
            .Where(cells => cells.Any(c => c.Length > 0))
            .ToList();
        if (tableRows.Count > 0)
        {
            return Pick(tableRows);
        }

        return FromText(string.Join("\n", document.QuerySelectorAll("p, li").Select(e => Clean(e.TextContent))));
    }

    /// <summary>Reads a CSV file (RFC 4180: quoted cells may hold commas and line breaks).</summary>
    /// <param name="csv">The file's text.</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<string> FromCsv(string csv)
    {
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(csv);
        var rows = new List<List<string>>();
        foreach (var row in reader)
        {
            var cells = new List<string>(row.ColCount);
            for (var i = 0; i < row.ColCount; i++)
            {
                cells.Add(Clean(row[i].ToString()));
            }

            rows.Add(cells);
        }

        return Pick(rows);
    }

    /// <summary>Reads a Word document: the rows of its tables, else its paragraphs.</summary>
    /// <param name="stream">The .docx file.</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<string> FromDocx(Stream stream)
    {
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return [];
        }

        var tableRows = body.Descendants<Word.TableRow>()
            .Select(tr => tr.Elements<Word.TableCell>().Select(c => Clean(string.Join("\n", c.Elements<Word.Paragraph>().Select(p => p.InnerText)))).ToList())
            .Where(cells => cells.Any(c => c.Length > 0))
            .ToList();
        if (tableRows.Count > 0)
        {
            return Pick(tableRows);
        }

        return FromText(string.Join("\n", body.Elements<Word.Paragraph>().Select(p => p.InnerText)));
    }

    // The column that holds the items: the one with an item header, else the one with the longest text; header rows dropped.
    private static List<string> Pick(List<List<string>> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var width = rows.Max(r => r.Count);
        if (width == 1)
        {
            return rows.Select(r => r[0]).Where(r => r.Length > 0).ToList();
        }

        var header = rows.FindIndex(r => r.Any(c => ItemHeaders.Any(h => c.Contains(h, StringComparison.Ordinal)) && c.Length <= 12));
        int column;
        if (header >= 0 && header < 3)
        {
            var cells = rows[header];
            column = ItemHeaders.Select(h => cells.FindIndex(c => c.Contains(h, StringComparison.Ordinal) && c.Length <= 12)).First(i => i >= 0);
            rows = rows.Skip(header + 1).ToList();
        }
        else
        {
            column = Enumerable.Range(0, width).MaxBy(i => rows.Sum(r => i < r.Count ? r[i].Length : 0));
        }

        return rows.Select(r => column < r.Count ? r[column] : string.Empty).Where(c => c.Length > 0).ToList();
    }

    private static string Clean(string text) => Spaces().Replace(text.Replace('\u00a0', ' '), " ").Trim();

    [GeneratedRegex(@"[ \t\r\n\u3000]+")]
    private static partial Regex Spaces();
}
