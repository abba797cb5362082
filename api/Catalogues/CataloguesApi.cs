using Fashen.Api.Access;
using Fashen.Api.Contracts;
using Fashen.Api.Problems;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Catalogues;

/// <summary>The catalogues in force, and reloading them.</summary>
public static class CataloguesApi
{
    public static RouteGroupBuilder MapCatalogues(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/catalogues").WithTags("目录清单");

        group.MapGet("/", (CatalogueProvider provider, ReviewService service) => BufferedJson.Ok(List(provider.Current, service.Today)))
            .WithSummary("列出载入的目录清单：每个部门的各个版本及其施行期间，inForce 标出今天施行的版本")
            .Produces<List<CatalogueSummary>>();

        group.MapGet("/{id}", (CatalogueProvider provider, ReviewService service, string id, string? on) =>
        {
            if (on is not null && !DecisionBinder.TryParseDate(on, out _))
            {
                return ProblemResults.From(ApiProblems.ValidationFailed("on 应为日期，例如 2026-03-02。"));
            }

            var today = service.Today;
            var date = on is null ? today : DateOnly.ParseExact(on, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var classifier = on is null ? provider.Current.Shown(id, today) : provider.Current.InForce(id, date);
            return classifier is null ? ProblemResults.From(ApiProblems.NotFound()) : BufferedJson.Ok(Detail(classifier.Catalogue, today));
        })
            .WithSummary("查看一个部门的目录清单：默认为今天施行的版本，on=日期 查看当日施行的版本")
            .Produces<CatalogueDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/reload", (HttpContext context, CatalogueProvider provider, ReviewService service) => Callers.With(context, caller =>
        {
            if (!caller.Has(Role.Admin))
            {
                return ProblemResults.From(ReviewErrors.RoleRequired("重新载入目录清单", Role.Admin.ToChinese()));
            }

            var reload = provider.Reload();
            service.RecordCatalogueLoad(caller, reload.Errors);
            return reload.Errors > 0
                ? ProblemResults.From(ApiProblems.CatalogueReloadFailed(reload.Errors), reload.Diagnostics)
                : BufferedJson.Ok(List(provider.Current, service.Today));
        }))
        .WithSummary("重新载入目录清单（法制机构管理员）：有错误时不替换，原目录继续使用")
        .Produces<List<CatalogueSummary>>()
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static List<CatalogueSummary> List(CatalogueSet set, DateOnly today) =>
        set.All.Select(c => Summary(c.Catalogue, set.InForce(c.Catalogue.Id, today) == c)).ToList();

    private static CatalogueSummary Summary(Engine.Catalogues.Catalogue c, bool inForce) => new(
        c.Id, c.Name, c.Version, Formatting.Date(c.EffectiveFrom), c.EffectiveTo is { } to ? Formatting.Date(to) : null,
        c.Revision, c.Commit, c.Extends, c.Rules.Count, inForce);

    private static CatalogueDetail Detail(Engine.Catalogues.Catalogue c, DateOnly today) => new(
        Summary(c, c.InForceOn(today)),
        c.Defaults.DeadlineWorkingDays,
        c.Defaults.ExtensionWorkingDays,
        c.Defaults.Materials,
        c.Rules.Select(r => new RuleResponse(
            r.Id, r.Title, r.Actions.Select(a => a.ToChinese()).ToList(), r.ConditionText, r.Basis, r.Materials,
            r.DeadlineWorkingDays ?? c.Defaults.DeadlineWorkingDays, r.RequiresCounselOpinion)).ToList());
}

public sealed record CatalogueSummary(
    string Id, string Name, string Version, string EffectiveFrom, string? EffectiveTo, string Revision, string? Commit, string? Extends, int Rules, bool InForce);

public sealed record CatalogueDetail(
    CatalogueSummary Catalogue, int DeadlineWorkingDays, int ExtensionWorkingDays, IReadOnlyList<string> Materials, IReadOnlyList<RuleResponse> Rules);

public sealed record RuleResponse(
    string Id, string Title, IReadOnlyList<string> Actions, string Condition, IReadOnlyList<string> Basis, IReadOnlyList<string> Materials,
    int DeadlineWorkingDays, bool RequiresCounselOpinion);
