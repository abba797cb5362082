using Fashen.Api.Catalogues;
using Fashen.Api.Problems;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Publication;

/// <summary>The public catalogues (事前公开), without sign-in: the same pages and JSON documents
/// <c>fashen publish</c> writes to a folder, from the catalogues in force.</summary>
public static class PublicationApi
{
    public static RouteGroupBuilder MapPublication(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/public/catalogues").WithTags("公开目录").AllowAnonymous();
        // The pages link to each other relatively, as in the published folder, so the index lives at the folder's URL.
        group.MapGet("/", (HttpContext context, CatalogueProvider provider, ReviewService service, PublicSite site) =>
            context.Request.Path.Value?.EndsWith('/') == true
                ? Serve(context, site.Find(provider.Current, service.Today, "index.html")!)
                : Results.Redirect(context.Request.PathBase + "/public/catalogues/"))
            .WithSummary("公开的目录清单：各部门现行版本的索引页（HTML，无需登录）")
            .Produces<string>(contentType: "text/html");
        group.MapGet("/{file}", (HttpContext context, CatalogueProvider provider, ReviewService service, PublicSite site, string file) =>
            site.Find(provider.Current, service.Today, file) is { } found ? Serve(context, found) : ProblemResults.From(ApiProblems.NotFound()))
            .WithSummary("一个部门公开的目录清单：{部门}.html 为网页，{部门}.json 为数据；index.html 与 catalogues.json 为全部部门（无需登录）")
            .Produces<PublicCatalogue>(contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    // With its entity tag: a browser or proxy that holds the current copy asks with If-None-Match and gets 304 Not
    // Modified. "no-cache" makes it ask every time, so a reloaded catalogue shows at once.
    private static IResult Serve(HttpContext context, PublicFile file)
    {
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Bytes(file.Content, file.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(file.ETag));
    }
}
