using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Fashen.ReviewUi.Display;

/// <summary>Small charts drawn on the server as SVG: no script, they print, and the same figures are in
/// the table beside them for anyone who cannot see the chart.</summary>
public static class Charts
{
    private const int Width = 560;
    private const int Height = 180;
    private const int Left = 36;
    private const int Bottom = 24;

    /// <summary>A column chart, one column per label.</summary>
    /// <param name="id">A unique id, for the accessible title.</param>
    /// <param name="title">What the chart shows.</param>
    /// <param name="columns">Each column's label and value.</param>
    /// <returns>The SVG.</returns>
    public static IHtmlContent Columns(string id, string title, IReadOnlyList<(string Label, double Value)> columns)
    {
        var max = Math.Max(1, columns.Count == 0 ? 1 : columns.Max(c => c.Value));
        var plotHeight = Height - Bottom - 12;
        var step = (Width - Left) / (double)Math.Max(1, columns.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width}\" y2=\"{Height - Bottom}\" class=\"axis\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{12 + 4}\" class=\"tick\" text-anchor=\"end\">{max:0.##}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Height - Bottom}\" class=\"tick\" text-anchor=\"end\">0</text>");
        for (var i = 0; i < columns.Count; i++)
        {
            var (label, value) = columns[i];
            var barHeight = value / max * plotHeight;
            var x = Left + (i * step) + (step * 0.2);
            var y = Height - Bottom - barHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{step * 0.6:0.#}\" height=\"{barHeight:0.#}\" class=\"bar\"><title>{Encode(label)}：{value:0.##}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (step * 0.3):0.#}\" y=\"{Height - 8}\" class=\"tick\" text-anchor=\"middle\">{Encode(label)}</text>");
            if (value > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (step * 0.3):0.#}\" y=\"{y - 3:0.#}\" class=\"value\" text-anchor=\"middle\">{value:0.##}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>One bar split into parts, each with its share: the outcome mix.</summary>
    /// <param name="id">A unique id, for the accessible title.</param>
    /// <param name="title">What the bar shows.</param>
    /// <param name="parts">Each part's label, count and style class.</param>
    /// <param name="empty">What to say when every part is 0.</param>
    /// <returns>The SVG.</returns>
    public static IHtmlContent Stacked(string id, string title, IReadOnlyList<(string Label, int Count, string Css)> parts, string empty = "尚无审核意见")
    {
        var total = parts.Sum(p => p.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart stacked\" viewBox=\"0 0 {Width} 56\" role=\"img\" aria-labelledby=\"{id}-title\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(title)}</title>");
        double x = 0;
        foreach (var (label, count, css) in parts.Where(p => p.Count > 0))
        {
            var width = (double)count / total * Width;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"0\" width=\"{width:0.#}\" height=\"28\" class=\"{css}\"><title>{Encode(label)}：{count}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4:0.#}\" y=\"46\" class=\"tick\">{Encode(label)} {count}</text>");
            x += width;
        }

        if (total == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"20\" class=\"tick\">{Encode(empty)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
