using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Fashen.Engine.Opinions;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Fashen.ReviewUi.Opinions;

/// <summary>Lays a review opinion out as an A4 PDF with PDFsharp: the unit, title and number at the head, the sections as a
/// two-column table, then the signature block (reviewer, head of the legal office, seal) and the trace to the record. Two
/// fonts are embedded as subsets, so the PDF reads the same on any machine: a CJK font for the Chinese, and a Latin font for
/// letters and digits, which Debian's TrueType CJK fonts either lack or keep only in a collection PDFsharp cannot read.</summary>
public sealed class OpinionPdf : IOpinionRenderer
{
    private const double Millimetre = 72 / 25.4;
    private const double Left = 25 * Millimetre;
    private const double Right = 210 * Millimetre - 25 * Millimetre;
    private const double Top = 22 * Millimetre;
    private const double Bottom = 297 * Millimetre - 18 * Millimetre;
    private const double LabelWidth = 34 * Millimetre;
    private const double Padding = 4;
    private const double BodySize = 11;

    // Punctuation that may not begin a line (GB/T 15834 line breaking): it stays at the end of the line before.
    private const string NoLineStart = "，。、；：？！）》」』〕】”’…%";

    private readonly string _cjkFace;
    private readonly string _latinFace;

    /// <summary>Initializes a new instance of the <see cref="OpinionPdf"/> class.</summary>
    /// <param name="cjkFont">A TrueType font with the Chinese characters, 〇 and 〔〕 (Debian's fonts-droid-fallback).</param>
    /// <param name="latinFont">A TrueType font with the Latin letters and digits (Debian's fonts-dejavu-core).</param>
    public OpinionPdf(string cjkFont, string latinFont)
    {
        FontPaths = [cjkFont, latinFont];
        _cjkFace = FontFiles.Register(cjkFont);
        _latinFace = FontFiles.Register(latinFont);
    }

    /// <summary>Gets the font files the PDF embeds: the CJK one, then the Latin one.</summary>
    public IReadOnlyList<string> FontPaths { get; }

    /// <summary>Gets the font files that are not there to be read.</summary>
    public IReadOnlyList<string> MissingFonts => FontPaths.Where(p => !File.Exists(p)).ToList();

    /// <inheritdoc/>
    public byte[] Render(OpinionDocument document, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (MissingFonts is [var missing, ..])
        {
            throw new OpinionRenderingException($"没有找到字体文件 {missing}（Debian 软件包 fonts-droid-fallback 和 fonts-dejavu-core，或用 Fashen:OpinionFont、Fashen:OpinionLatinFont 指定其他 TrueType 字体）");
        }

        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{OpinionDocument.Title} {document.Number}";
        pdf.Info.Author = document.Unit;
        pdf.Info.Creator = "法审 Fashen";
        pdf.Info.CreationDate = createdAt.UtcDateTime;
        pdf.Info.ModificationDate = createdAt.UtcDateTime;

        var layout = new Layout(pdf, new Typesetter(_cjkFace, _latinFace));
        layout.Centered(document.Unit, 14, 8);
        layout.Centered(OpinionDocument.Title, 22, 6);
        layout.Centered(document.Number, 12, 10);
        foreach (var section in document.Sections)
        {
            layout.Row(section.Label, section.Paragraphs, section.Emphasis ? 12 : BodySize);
        }

        layout.Gap(18);
        layout.Signature($"审核人员（签名）：{document.Reviewer}", "法制机构负责人（签名）：", document.Date);
        layout.Trace(document.Trace);

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    // Sets text in two fonts: runs of Latin letters, digits and ASCII punctuation in the Latin font, the rest in the CJK one.
    private sealed class Typesetter(string cjkFace, string latinFace)
    {
        public double Width(XGraphics graphics, string text, double size) =>
            Runs(text).Sum(r => graphics.MeasureString(r.Text, Font(r.Latin, size)).Width);

        // Draws a line with its left end at x and its baseline at y.
        public void Draw(XGraphics graphics, string text, double size, XBrush brush, double x, double y)
        {
            foreach (var (run, latin) in Runs(text))
            {
                var font = Font(latin, size);
                graphics.DrawString(run, font, brush, x, y, XStringFormats.BaseLineLeft);
                x += graphics.MeasureString(run, font).Width;
            }
        }

        // Breaks a paragraph into lines that fit a width: Chinese between any two characters, Latin words and numbers
        // whole, closing punctuation kept with the character before it.
        public List<string> Lines(XGraphics graphics, string text, double size, double width)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            foreach (var unit in Units(text))
            {
                if (line.Length > 0 && Width(graphics, line + unit, size) > width && !NoLineStart.Contains(unit[0], StringComparison.Ordinal))
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                line.Append(unit);
            }

            if (line.Length > 0 || lines.Count == 0)
            {
                lines.Add(line.ToString());
            }

            return lines;
        }

        private static IEnumerable<(string Text, bool Latin)> Runs(string text)
        {
            var start = 0;
            for (var i = 1; i <= text.Length; i++)
            {
                if (i == text.Length || char.IsAscii(text[i]) != char.IsAscii(text[start]))
                {
                    yield return (text[start..i], char.IsAscii(text[start]));
                    start = i;
                }
            }
        }

        private static IEnumerable<string> Units(string text)
        {
            var word = new StringBuilder();
            foreach (var c in text)
            {
                if (char.IsAsciiLetterOrDigit(c) || (word.Length > 0 && c is '.' or ',' or '-' or ':' or '/'))
                {
                    word.Append(c);
                    continue;
                }

                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return c.ToString();
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
            }
        }

        private XFont Font(bool latin, double size) =>
            new(latin ? latinFace : cjkFace, size, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset));
    }

    // Where the next thing goes, page by page.
    private sealed class Layout(PdfDocument pdf, Typesetter type)
    {
        private XGraphics? _graphics;
        private double _y = Bottom;

        private XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page yet.");

        public void Centered(string text, double size, double after)
        {
            Ensure(size * 1.5);
            type.Draw(Graphics, text, size, XBrushes.Black, Left + ((Right - Left - type.Width(Graphics, text, size)) / 2), _y + size);
            _y += (size * 1.4) + after;
        }

        public void Gap(double height) => _y += height;

        // One section: the label in the left column, the paragraphs wrapped in the right, with the table's lines around them.
        // A section too long for what is left of the page goes on to the next page.
        public void Row(string label, IReadOnlyList<string> paragraphs, double size)
        {
            Ensure(size * 3);
            var lineHeight = size * 1.55;
            var contentWidth = Right - Left - LabelWidth - (2 * Padding);
            var lines = paragraphs.SelectMany(p => type.Lines(Graphics, p, size, contentWidth)).ToList();
            var labelLines = type.Lines(Graphics, label, BodySize, LabelWidth - (2 * Padding));
            var start = 0;
            while (start < lines.Count)
            {
                Ensure(lineHeight + (2 * Padding));
                var fitting = Math.Max(1, Math.Min(lines.Count - start, (int)((Bottom - _y - (2 * Padding)) / lineHeight)));
                var height = (Math.Max(fitting, start == 0 ? labelLines.Count : 0) * lineHeight) + (2 * Padding);
                var pen = new XPen(XColors.Black, 0.6);
                Graphics.DrawRectangle(pen, Left, _y, Right - Left, height);
                Graphics.DrawLine(pen, Left + LabelWidth, _y, Left + LabelWidth, _y + height);
                for (var i = 0; start == 0 && i < labelLines.Count; i++)
                {
                    type.Draw(Graphics, labelLines[i], BodySize, XBrushes.Black, Left + Padding, Baseline(i, lineHeight, size));
                }

                for (var i = 0; i < fitting; i++)
                {
                    type.Draw(Graphics, lines[start + i], size, XBrushes.Black, Left + LabelWidth + Padding, Baseline(i, lineHeight, size));
                }

                _y += height;
                start += fitting;
                if (start < lines.Count)
                {
                    _y = Bottom;
                }
            }
        }

        // The signatures, the seal and the date stay together, on the page of the opinion when they fit.
        public void Signature(string reviewer, string head, string date)
        {
            var line = BodySize * 2.4;
            Ensure((line * 3) + 20);
            var blank = new XPen(XColors.Black, 0.5);
            foreach (var signer in new[] { reviewer, head })
            {
                type.Draw(Graphics, signer, BodySize, XBrushes.Black, Left, _y + BodySize);
                Graphics.DrawLine(blank, Left + type.Width(Graphics, signer, BodySize) + 4, _y + BodySize + 2, Left + (95 * Millimetre), _y + BodySize + 2);
                _y += line;
            }

            // The seal goes over the date, on the right, as on any official document.
            var centre = new XPoint(Right - (32 * Millimetre), _y - (line / 2));
            var radius = 21 * Millimetre;
            Graphics.DrawEllipse(new XPen(XColors.Gray, 0.5) { DashStyle = XDashStyle.Dash }, centre.X - radius, centre.Y - radius, 2 * radius, 2 * radius);
            const string Seal = "（法制机构印章）";
            type.Draw(Graphics, Seal, 9, XBrushes.Gray, centre.X - (type.Width(Graphics, Seal, 9) / 2), centre.Y + 3);
            type.Draw(Graphics, date, BodySize, XBrushes.Black, Right - (10 * Millimetre) - type.Width(Graphics, date, BodySize), _y + BodySize);
            _y += line;
        }

        public void Trace(string text)
        {
            foreach (var line in type.Lines(Graphics, text, 7.5, Right - Left))
            {
                Ensure(11);
                type.Draw(Graphics, line, 7.5, XBrushes.DimGray, Left, _y + 7.5);
                _y += 11;
            }
        }

        private double Baseline(int line, double lineHeight, double size) => _y + Padding + (line * lineHeight) + size;

        // Starts a new page when what comes next does not fit on this one.
        private void Ensure(double height)
        {
            if (_graphics is not null && _y + height <= Bottom)
            {
                return;
            }

            _graphics?.Dispose();
            var page = pdf.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(page);
            _y = Top;
        }
    }

    // PDFsharp asks one resolver, set once per process, for every font; each font file gets a face name of its own.
    private sealed class FontFiles : IFontResolver
    {
        private static readonly FontFiles Instance = new();
        private static readonly Lock Gate = new();
        private readonly ConcurrentDictionary<string, string> _paths = new(StringComparer.Ordinal);

        public static string Register(string path)
        {
            lock (Gate)
            {
                GlobalFontSettings.FontResolver ??= Instance;
            }

            var face = "fashen-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..16];
            Instance._paths[face] = path;
            return face;
        }

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            _paths.ContainsKey(familyName) ? new FontResolverInfo(familyName) : null;

        public byte[]? GetFont(string faceName) => _paths.TryGetValue(faceName, out var path) && File.Exists(path) ? File.ReadAllBytes(path) : null;
    }
}
