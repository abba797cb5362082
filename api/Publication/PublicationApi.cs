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
        group.MapGet("/", (HttpContext context, CatalogueProvider provider, ReviewService service) =>
            context.Request.Path.Value?.EndsWith('/') == true
                ? Html(PublicPages.Index(PublicCatalogue.All(provider.Current, service.Today)))
                : Results.Redirect(context.Request.PathBase + "/public/catalogues/"))
            .WithSummary("公开的目录清单：各部门现行版本的索引页（HTML，无需登录）")
            .Produces<string>(contentType: "text/html");
        group.MapGet("/{file}", (CatalogueProvider provider, ReviewService service, string file) =>
        {
            var set = provider.Current;
            var today = service.Today;
            if (file is "index.html")
            {
                return Html(PublicPages.Index(PublicCatalogue.All(set, today)));
            }

            if (file is "catalogues.json")
            {
                return Json(PublicPages.ToJson(PublicCatalogue.All(set, today)));
            }

            var department = Path.GetFileNameWithoutExtension(file);
            var extension = Path.GetExtension(file);
            if (extension is not (".html" or ".json") || PublicCatalogue.Of(set, department, today) is not { } catalogue)
            {
                return ProblemResults.From(ApiProblems.NotFound());
            }

            return extension == ".html" ? Html(PublicPages.Department(catalogue)) : Json(PublicPages.ToJson(catalogue));
        })
            .WithSummary("一个部门公开的目录清单：{部门}.html 为网页，{部门}.json 为数据；index.html 与 catalogues.json 为全部部门（无需登录）")
            .Produces<PublicCatalogue>(contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static IResult Html(string text) => TypedResults.Content(text, "text/html; charset=utf-8");

    private static IResult Json(string text) => TypedResults.Content(text, "application/json; charset=utf-8");
}
