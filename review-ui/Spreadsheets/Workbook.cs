using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Fashen.ReviewUi.Spreadsheets;

/// <summary>Writes <see cref="Sheet"/>s as an XLSX workbook with SpreadCheetah: forward only, row by row, with no document model
/// in memory. Numbers stay numbers and dates stay dates, so the legal office can sum and sort them.</summary>
public static class Workbook
{
    /// <summary>The content type of an XLSX file.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly char[] NotInSheetNames = ['/', '\\', '*', '?', '[', ']', ':'];

    /// <summary>Writes a workbook.</summary>
    /// <param name="stream">Where to write it.</param>
    /// <param name="sheets">The worksheets, in order.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>A task that completes once written.</returns>
    public static async Task WriteAsync(Stream stream, IReadOnlyList<Sheet> sheets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: cancellationToken);
        var title = spreadsheet.AddStyle(new Style { Font = { Bold = true, Size = 13 } });
        var header = spreadsheet.AddStyle(new Style { Font = { Bold = true }, Fill = { Color = System.Drawing.Color.FromArgb(0xEE, 0xF1, 0xF5) } });
        var date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            var options = new WorksheetOptions { FrozenRows = 2 };
            for (var column = 1; column <= sheet.Headers.Count; column++)
            {
                options.Column(column).Width = Width(sheet, column - 1);
            }

            await spreadsheet.StartWorksheetAsync(UniqueName(sheet.Name, names), options, cancellationToken);
            await spreadsheet.AddRowAsync([new Cell(sheet.Title, title)], cancellationToken);
            await spreadsheet.AddRowAsync(sheet.Headers.Select(h => new Cell(h, header)).ToArray(), cancellationToken);
            foreach (var row in sheet.Rows)
            {
                await spreadsheet.AddRowAsync(row.Select(value => ToCell(value, date)).ToArray(), cancellationToken);
            }
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }

    /// <summary>Writes a workbook into memory, for an HTTP answer: the zip writer underneath flushes synchronously as it closes, which
    /// the server does not allow on a response.</summary>
    /// <param name="sheets">The worksheets, in order.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>The file's bytes.</returns>
    public static async Task<byte[]> ToBytesAsync(IReadOnlyList<Sheet> sheets, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(buffer, sheets, cancellationToken);
        return buffer.ToArray();
    }

    private static Cell ToCell(object? value, StyleId date) => value switch
    {
        null => new Cell(),
        string text => new Cell(text),
        int number => new Cell(number),
        long number => new Cell(number),
        double number => new Cell(number),
        decimal number => new Cell(number),
        bool flag => new Cell(flag ? "是" : "否"),
        DateOnly day => new Cell(day.ToDateTime(TimeOnly.MinValue), date),
        IFormattable formattable => new Cell(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => new Cell(value.ToString()),
    };

    // Wide enough for the longest header or cell, counting a Chinese character as two columns; capped so a long reason wraps
    // in the reader's eye rather than stretching the sheet.
    private static double Width(Sheet sheet, int column)
    {
        static int Columns(string? text) => text?.Sum(c => c > 0x2E80 ? 2 : 1) ?? 0;
        var widest = sheet.Rows.Take(500).Select(r => column < r.Count ? Columns(r[column] is DateOnly ? "2026-12-31" : Convert.ToString(r[column], CultureInfo.InvariantCulture)) : 0)
            .Append(Columns(sheet.Headers[column]))
            .Max();
        return Math.Clamp(widest + 2, 8, 60);
    }

    private static string UniqueName(string name, HashSet<string> taken)
    {
        var clean = new string(name.Select(c => NotInSheetNames.Contains(c) ? '_' : c).ToArray()).Trim();
        clean = clean.Length == 0 ? "Sheet" : clean[..Math.Min(clean.Length, 31)];
        var unique = clean;
        for (var n = 2; !taken.Add(unique); n++)
        {
            var suffix = $" ({n})";
            unique = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
        }

        return unique;
    }
}
