using Markdig;

namespace Fashen.Api.Problems;

/// <summary>The documentation of every diagnostic code (docs/diagnostics.md), as a page at <c>/diagnostics</c>: the <c>type</c> of
/// each problem answer is a link to its code's section there (<c>/diagnostics#fs5027</c>), which a browser or a developer can follow.</summary>
internal static class DiagnosticsPage
{
    /// <summary>The page's path.</summary>
    public const string Path = "/diagnostics";

    private static readonly Lazy<string> Html = new(Render);

    /// <summary>Gets the problem type of a code: a reference to its section of the page, resolved against the service's address.</summary>
    /// <param name="code">The code, such as FS5027.</param>
    /// <returns>The reference.</returns>
    public static string TypeOf(string code) => $"{Path}#{code.ToLowerInvariant()}";

    /// <summary>Maps the page.</summary>
    /// <param name="routes">The routes.</param>
    public static void MapDiagnosticsPage(this IEndpointRouteBuilder routes) =>
        routes.MapGet(Path, () => Results.Content(Html.Value, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();

    // Rendered once: the file is part of the build. Headings get ids from their text (## FS5027 → id="fs5027").
    private static string Render()
    {
        using var stream = typeof(DiagnosticsPage).Assembly.GetManifestResourceStream("diagnostics.md")
            ?? throw new InvalidOperationException("docs/diagnostics.md is not embedded in the build.");
        using var reader = new StreamReader(stream);
        var pipeline = new MarkdownPipelineBuilder().UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub).UsePipeTables().Build();
        var body = Markdown.ToHtml(reader.ReadToEnd(), pipeline);
        return $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/assets/site.css">
            <title>诊断代码说明 · 法审</title></head>
            <body><main id="main" class="prose">{body}</main></body>
            </html>
            """;
    }
}
