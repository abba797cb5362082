using System.Net;
using System.Text;

namespace Fashen.Api.DecisionPublication;

/// <summary>The frame of the public pages served without sign-in (the register of decisions, the yearly figures): plain, printable,
/// readable on a phone, no script.</summary>
internal static class PublicHtml
{
    private const string Style =
        "body{font-family:\"Noto Sans CJK SC\",\"WenQuanYi Zen Hei\",sans-serif;line-height:1.7;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}"
        + "table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #767676;padding:.4rem .6rem;text-align:left;vertical-align:top}"
        + "th{background:#eef1f5}caption{text-align:left;font-weight:bold}a{color:#0b4f9c}label{margin-right:1rem;display:inline-block}"
        + ".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}figure{margin:0}.chart{width:100%;height:auto}"
        + ".chart .bar{fill:#0b4f9c}.chart .axis{stroke:#595959}.chart .tick,.chart .value{font-size:11px;fill:#1a1a1a}"
        + ".part-approve{fill:#1e7b34}.part-correct{fill:#8a5a00}.part-reject{fill:#b3261e}.part-refer{fill:#5b4a9e}.id{white-space:nowrap}"
        + "@media print{a{color:inherit;text-decoration:none}}";

    /// <summary>Answers with a page.</summary>
    /// <param name="title">The page's title.</param>
    /// <param name="body">The main content, as HTML.</param>
    /// <returns>The answer.</returns>
    public static IResult Html(string title, string body) => Results.Text(Page(title, body), "text/html", Encoding.UTF8);

    /// <summary>Encodes text for HTML.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The encoded text.</returns>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private static string Page(string title, string body) => $"""
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"><title>{E(title)}</title>
        <style>{Style}</style></head>
        <body><main>
        {body}
        </main></body></html>
        """;
}
