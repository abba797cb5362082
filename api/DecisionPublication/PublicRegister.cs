using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Fashen.Api.Contracts;
using Fashen.Api.Problems;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Publication;
using Fashen.Engine.Reviews;

namespace Fashen.Api.DecisionPublication;

/// <summary>The public register of enforcement decisions (事后公开), without sign-in: the list, searchable by department, kind,
/// date, document number and party; a page per decision; and JSON and Atom feeds for credit and supervision systems. Only the
/// text the legal office approved is shown — never the original — and a withdrawn decision shows its reason in its place.</summary>
public static class PublicRegister
{
    public static RouteGroupBuilder MapPublicRegister(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/public/decisions").WithTags("公开的执法决定").AllowAnonymous();
        group.MapGet(string.Empty, (IPublicationStore store, ReviewService service, string? department, string? kind, string? from, string? to, string? q, int? page) =>
            ListPage(Find(store, service, new Search(department, kind, from, to, q, page ?? 1), PageSize), new Search(department, kind, from, to, q, page ?? 1)))
            .WithSummary("公开的执法决定（HTML，无需登录）：可按部门、执法类别、决定日期、文号和执法对象查找")
            .Produces<string>(contentType: "text/html");
        group.MapGet("/{id}", (IPublicationStore store, ReviewService service, string id) =>
            store.FindPublication(id) is { State: not PublicationState.Pending } found && Shown(found, service)
                ? DecisionPage(PublicDecision.From(found, service.Catalogues))
                : ProblemResults.From(ApiProblems.NotFound()))
            .WithSummary("一项公开的执法决定（HTML，无需登录）：已撤回的显示撤回的理由")
            .Produces<string>(contentType: "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/public/decisions.json", (IPublicationStore store, ReviewService service, int? page) =>
            Results.Text(JsonSerializer.Serialize(Find(store, service, new Search(null, null, null, null, null, page ?? 1), FeedPageSize), ReadableJson.Options) + "\n", "application/json", Encoding.UTF8))
            .WithTags("公开的执法决定").AllowAnonymous()
            .WithSummary("公开的执法决定（JSON，无需登录），供信用、监督系统读取：最新公开的在前，每页 1000 项，page 从 1 起")
            .Produces<List<PublicDecision>>();
        routes.MapGet("/public/decisions.atom", (HttpContext context, IPublicationStore store, ReviewService service) =>
            Results.Text(Atom(Find(store, service, new Search(null, null, null, null, null, 1), AtomSize), $"{context.Request.Scheme}://{context.Request.Host}"), "application/atom+xml", Encoding.UTF8))
            .WithTags("公开的执法决定").AllowAnonymous()
            .WithSummary("公开的执法决定（Atom，无需登录）：最新公开的 100 项")
            .Produces<string>(contentType: "application/atom+xml");
        return group;
    }

    private const int PageSize = 50;
    private const int FeedPageSize = 1000;
    private const int AtomSize = 100;

    // One page, newest published first: the store gives each state's newest up to the page's end, filtered by every condition asked.
    private static List<PublicDecision> Find(IPublicationStore store, ReviewService service, Search search, int pageSize)
    {
        var skip = (Math.Clamp(search.Page, 1, 10_000) - 1) * pageSize;
        var query = new PublicationQuery(search.Department is { Length: > 0 } d ? [d] : null, null, search.Q?.Trim(), skip + pageSize)
        {
            Order = PublicationOrder.NewestPublished,
            Action = ActionKinds.TryParse(search.Kind ?? string.Empty, out var k) ? k.ToWire() : null,
            DecidedFrom = DateOnly.TryParse(search.From, CultureInfo.InvariantCulture, out var f) ? f : null,
            DecidedTo = DateOnly.TryParse(search.To, CultureInfo.InvariantCulture, out var t) ? t : null,
        };
        return new[] { PublicationState.Published, PublicationState.Withdrawn }
            .SelectMany(state => store.Publications(query with { State = state }))
            .Where(p => Shown(p, service))
            .OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.DecidedOn).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Skip(skip).Take(pageSize)
            .Select(p => PublicDecision.From(p, service.Catalogues))
            .ToList();
    }

    // Within the department's publication period from its publication; afterwards it leaves the public site, not the record.
    private static bool Shown(PublicationRecord publication, ReviewService service) =>
        publication.PublishedOn is { } on && service.Catalogues.MaskingFor(publication.Department).Shows(on, service.Today);

    
    private static IResult ListPage(List<PublicDecision> decisions, Search search)
    {
        var (department, kind, from, to, q) = (search.Department, search.Kind, search.From, search.To, search.Q);
        var rows = new StringBuilder();
        foreach (var d in decisions)
        {
            rows.Append($"<tr><td><a href=\"/public/decisions/{E(d.Id)}\">{E(d.DocumentNumber)}</a></td><td>{E(d.Withdrawn is null ? d.Party : "（已撤回）")}</td><td>{E(d.DepartmentName)}</td><td>{E(d.Kind)}</td><td>{E(d.DecidedOn)}</td></tr>\n");
        }

        return PublicHtml.Html("公开的执法决定", $"""
            <h1>公开的执法决定</h1>
            <form method="get" role="search">
            <label>部门编号 <input name="department" value="{E(department)}"></label>
            <label>执法类别 <input name="kind" value="{E(kind)}"></label>
            <label>决定日期自 <input name="from" type="date" value="{E(from)}"></label>
            <label>至 <input name="to" type="date" value="{E(to)}"></label>
            <label>文号或执法对象 <input name="q" type="search" value="{E(q)}"></label>
            <button type="submit">查找</button>
            </form>
            <table>
            <thead><tr><th scope="col">决定书文号</th><th scope="col">执法对象</th><th scope="col">执法机关</th><th scope="col">执法类别</th><th scope="col">决定日期</th></tr></thead>
            <tbody>
            {rows}</tbody>
            </table>
            {Pages(decisions.Count, search)}
            <p>数据：<a href="/public/decisions.json">JSON</a>，<a href="/public/decisions.atom">Atom</a>；<a href="/public/figures">年度统计</a></p>
            """);
    }

    // Previous and next pages, keeping what was searched.
    private static string Pages(int shown, Search search)
    {
        string Link(int page, string text) => $"<a href=\"/public/decisions?{E(string.Join("&", new[] { ("department", search.Department), ("kind", search.Kind), ("from", search.From), ("to", search.To), ("q", search.Q) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}").Append($"page={page}")))}\">{text}</a>";
        var links = new List<string>();
        if (search.Page > 1)
        {
            links.Add(Link(search.Page - 1, "上一页"));
        }

        if (shown == PageSize)
        {
            links.Add(Link(search.Page + 1, "下一页"));
        }

        return links.Count == 0 ? string.Empty : $"<nav aria-label=\"分页\"><p>第 {search.Page} 页 {string.Join(" ", links)}</p></nav>";
    }

    private static IResult DecisionPage(PublicDecision d)
    {
        var body = d.Withdrawn is { } withdrawn
            ? $"<p><strong>本决定已于 {E(withdrawn.On)} 撤回</strong>（决定被{E(withdrawn.Grounds)}）：{E(withdrawn.Reason)}</p>"
            : $"""
              <table><tbody>
              <tr><th scope="row">执法机关</th><td>{E(d.Agency)}</td></tr>
              <tr><th scope="row">执法对象</th><td>{E(d.Party)}</td></tr>
              <tr><th scope="row">执法类别</th><td>{E(d.Category)}</td></tr>
              <tr><th scope="row">执法结论</th><td>{E(d.Conclusion)}</td></tr>
              <tr><th scope="row">依据</th><td>{E(d.Basis)}</td></tr>
              </tbody></table>
              """;
        var corrections = d.Corrections.Count == 0
            ? string.Empty
            : "<h2>纠错</h2><ul>" + string.Concat(d.Corrections.Select(c => $"<li>{E(c.On)}：{E(c.Note)}</li>")) + "</ul>";
        return PublicHtml.Html(d.DocumentNumber, $"""
            <h1>{E(d.DocumentNumber)}</h1>
            <p>{E(d.DepartmentName)} · 决定日期 {E(d.DecidedOn)} · 公开日期 {E(d.PublishedOn)}</p>
            {body}
            {corrections}
            <p><a href="/public/decisions">全部公开的执法决定</a></p>
            """);
    }

    private static string Atom(List<PublicDecision> decisions, string origin)
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var updated = decisions.Select(d => d.PublishedOn).DefaultIfEmpty("2000-01-01").Max();
        var feed = new XElement(atom + "feed",
            new XElement(atom + "title", "公开的执法决定"),
            new XElement(atom + "id", origin + "/public/decisions"),
            new XElement(atom + "updated", updated + "T00:00:00+08:00"),
            new XElement(atom + "link", new XAttribute("href", origin + "/public/decisions.atom"), new XAttribute("rel", "self")),
            decisions.Select(d => new XElement(atom + "entry",
                new XElement(atom + "title", d.DocumentNumber + " " + (d.Withdrawn is null ? d.Party : "（已撤回）")),
                new XElement(atom + "id", origin + "/public/decisions/" + d.Id),
                new XElement(atom + "updated", (d.Withdrawn?.On ?? d.PublishedOn) + "T00:00:00+08:00"),
                new XElement(atom + "link", new XAttribute("href", origin + "/public/decisions/" + d.Id)),
                new XElement(atom + "author", new XElement(atom + "name", d.DepartmentName)),
                new XElement(atom + "summary", d.Withdrawn is { } w ? $"已撤回：{w.Reason}" : $"{d.Category}：{d.Conclusion}（依据：{d.Basis}）"))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed).ToString();
    }

    private static string E(string? text) => PublicHtml.E(text);
}

/// <summary>A decision as the public sees it: only the text the legal office approved.</summary>
public sealed record PublicDecision(
    string Id, string Department, string DepartmentName, string DocumentNumber, string DecidedOn, string PublishedOn, string Kind,
    string Agency, string Party, string Category, string Conclusion, string Basis, IReadOnlyList<PublicCorrection> Corrections, PublicWithdrawal? Withdrawn)
{
    public static PublicDecision From(PublicationRecord p, CatalogueSet catalogues)
    {
        var published = p.Content["published"];
        string Field(string key) => p.State == PublicationState.Withdrawn ? string.Empty : (string?)published?[key] ?? string.Empty;
        var withdrawal = p.Content["withdrawal"];
        return new PublicDecision(
            p.Id, p.Department, catalogues.Shown(p.Department, p.DecidedOn)?.Catalogue.Name ?? p.Department, p.DocumentNumber,
            Formatting.Date(p.DecidedOn), p.PublishedOn is { } on ? Formatting.Date(on) : string.Empty,
            ActionKinds.TryParse(p.Action, out var kind) ? kind.ToChinese() : p.Action,
            Field("agency"), Field("party"), Field("category"), Field("conclusion"), Field("basis"),
            p.Content["corrections"]?.AsArray().Select(c => new PublicCorrection((string?)c!["on"] ?? string.Empty, (string?)c["note"] ?? string.Empty)).ToList() ?? [],
            withdrawal is null ? null : new PublicWithdrawal((string?)withdrawal["on"] ?? string.Empty, (string?)withdrawal["grounds"] ?? string.Empty, (string?)withdrawal["reason"] ?? string.Empty));
    }

}

/// <summary>What the register is searched for: the form's fields and the page.</summary>
internal sealed record Search(string? Department, string? Kind, string? From, string? To, string? Q, int Page);

/// <summary>A dated correction note.</summary>
public sealed record PublicCorrection(string On, string Note);

/// <summary>A withdrawal, shown in the decision's place.</summary>
public sealed record PublicWithdrawal(string On, string Grounds, string Reason);
