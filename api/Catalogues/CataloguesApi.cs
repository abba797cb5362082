using Fashen.Api.Access;
using Fashen.Api.Problems;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Catalogues;

/// <summary>The catalogues in force, and reloading them.</summary>
public static class CataloguesApi
{
    public static RouteGroupBuilder MapCatalogues(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/catalogues").WithTags("目录清单");

        group.MapGet("/", (CatalogueProvider provider) => TypedResults.Ok(provider.Current.Classifiers.Values
            .OrderBy(c => c.Catalogue.Id, StringComparer.Ordinal)
            .Select(c => Summary(c.Catalogue))
            .ToList()))
            .WithSummary("列出在用的目录清单")
            .Produces<List<CatalogueSummary>>();

        group.MapGet("/{id}", (CatalogueProvider provider, string id) => provider.Current.Classifiers.TryGetValue(id, out var classifier)
            ? TypedResults.Ok(Detail(classifier.Catalogue))
            : ProblemResults.From(ApiProblems.NotFound()))
            .WithSummary("查看一个部门的目录清单")
            .Produces<CatalogueDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/reload", (HttpContext context, CatalogueProvider provider, ReviewService service) => Callers.With(context, caller =>
        {
            if (!caller.Has(Role.Admin))
            {
                return ProblemResults.From(ReviewErrors.RoleRequired("重新载入目录清单", Role.Admin.ToChinese()));
            }

            var diagnostics = provider.Reload();
            var errors = diagnostics.Count(d => d.IsError);
            service.RecordCatalogueLoad(caller, errors);
            return errors > 0
                ? ProblemResults.From(ApiProblems.CatalogueReloadFailed(errors), diagnostics)
                : TypedResults.Ok(provider.Current.Classifiers.Values.OrderBy(c => c.Catalogue.Id, StringComparer.Ordinal).Select(c => Summary(c.Catalogue)).ToList());
        }))
        .WithSummary("重新载入目录清单（法制机构管理员）：有错误时不替换，原目录继续使用")
        .Produces<List<CatalogueSummary>>()
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static CatalogueSummary Summary(Engine.Catalogues.Catalogue c) =>
        new(c.Id, c.Name, c.Version, Formatting.Date(c.EffectiveFrom), c.Revision, c.Rules.Count);

    private static CatalogueDetail Detail(Engine.Catalogues.Catalogue c) => new(
        Summary(c),
        c.Defaults.DeadlineWorkingDays,
        c.Defaults.ExtensionWorkingDays,
        c.Defaults.Materials,
        c.Rules.Select(r => new RuleResponse(
            r.Id, r.Title, r.Actions.Select(a => a.ToChinese()).ToList(), r.ConditionText, r.Basis, r.Materials,
            r.DeadlineWorkingDays ?? c.Defaults.DeadlineWorkingDays, r.RequiresCounselOpinion)).ToList());
}

public sealed record CatalogueSummary(string Id, string Name, string Version, string EffectiveFrom, string Revision, int Rules);

public sealed record CatalogueDetail(
    CatalogueSummary Catalogue, int DeadlineWorkingDays, int ExtensionWorkingDays, IReadOnlyList<string> Materials, IReadOnlyList<RuleResponse> Rules);

public sealed record RuleResponse(
    string Id, string Title, IReadOnlyList<string> Actions, string Condition, IReadOnlyList<string> Basis, IReadOnlyList<string> Materials,
    int DeadlineWorkingDays, bool RequiresCounselOpinion);
