using System.Globalization;
using System.Text;
using System.Text.Json;
using Fashen.Api.Contracts;
using Fashen.Api.DecisionPublication;
using Fashen.Api.Problems;
using Fashen.Engine.Figures;
using Fashen.Engine.Reviews;
using Fashen.ReviewUi.Figures;
using Fashen.ReviewUi.Spreadsheets;

namespace Fashen.Api.Figures;

/// <summary>统计年报 on the public site, without sign-in: each year that is over, as a page with charts, a spreadsheet and JSON
/// (国办发〔2018〕118号: each agency publishes the previous year's figures before 31 January; Fashen has them on 1 January).</summary>
public static class PublicFigures
{
    public static void MapPublicFigures(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/public/figures").WithTags("年度统计").AllowAnonymous();
        group.MapGet(string.Empty, (YearlyFiguresSource source) => Index(source))
            .WithSummary("年度统计（HTML，无需登录）：已经结束的各年度")
            .Produces<string>(contentType: "text/html");
        group.MapGet("/{year:int}", (YearlyFiguresSource source, ReviewService service, int year) =>
            source.Find(year) is { } figures ? Page(YearlyReport.Of(year, figures, service.Catalogues)) : NotAvailable(source, year))
            .WithSummary("一个年度的统计（HTML，无需登录）：各部门的执法决定、重大执法决定及其原因、审核、补正和延期、审核用时、公开和撤回")
            .Produces<string>(contentType: "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{year:int}.xlsx", async (YearlyFiguresSource source, ReviewService service, int year) =>
            source.Find(year) is { } figures ? await Spreadsheet(YearlyReport.Of(year, figures, service.Catalogues)) : NotAvailable(source, year))
            .WithSummary("一个年度的统计（Excel 电子表格，无需登录）")
            .Produces(StatusCodes.Status200OK, contentType: Workbook.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{year:int}.json", (YearlyFiguresSource source, int year) =>
            source.Find(year) is { } figures
                ? Results.Text(JsonSerializer.Serialize(figures, ReadableJson.Options) + "\n", "application/json", Encoding.UTF8)
                : NotAvailable(source, year))
            .WithSummary("一个年度的统计（JSON，无需登录），供上级部门和本级政府汇总")
            .Produces<List<YearlyFigures>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult NotAvailable(YearlyFiguresSource source, int year) =>
        ProblemResults.From(ApiProblems.FiguresNotAvailable(year, source.FirstYear(), source.LastYear));

    private static IResult Index(YearlyFiguresSource source)
    {
        var years = source.FirstYear() is { } first ? Enumerable.Range(first, Math.Max(0, source.LastYear - first + 1)).Reverse().ToList() : [];
        var list = years.Count == 0
            ? "<p>全过程记录中还没有已经结束的年度。</p>"
            : "<ul>" + string.Concat(years.Select(y => string.Create(CultureInfo.InvariantCulture,
                $"<li><a href=\"/public/figures/{y}\">{y} 年度</a>（<a href=\"/public/figures/{y}.xlsx\">电子表格</a>，<a href=\"/public/figures/{y}.json\">JSON</a>）</li>"))) + "</ul>";
        return PublicHtml.Html("年度统计", $"""
            <h1>重大执法决定法制审核年度统计</h1>
            <p>每年 1 月 1 日起公布上一年度的数据，全部由全过程记录计算。</p>
            {list}
            <p><a href="/public/decisions">公开的执法决定</a></p>
            """);
    }

    private static IResult Page(YearlyReport report) => PublicHtml.Html($"{report.Year} 年度统计", string.Create(CultureInfo.InvariantCulture, $"""
        <h1>{report.Year} 年度重大执法决定法制审核统计</h1>
        <p>按全过程记录计算，计入 {report.Year} 年 1 月 1 日至 12 月 31 日记录的事项：判定的案件每件一次（以年内最后一次判定为准），执法决定按报告的年度计，
        审核用时按工作日计、不含补正暂停（中位数；第 90 百分位按最近秩）。同一数据：<a href="/public/figures/{report.Year}.xlsx">电子表格</a>，<a href="/public/figures/{report.Year}.json">JSON</a>。</p>
        {report.ToHtml()}
        <p><a href="/public/figures">全部年度</a></p>
        """));

    private static async Task<IResult> Spreadsheet(YearlyReport report) => Results.File(
        await Workbook.ToBytesAsync(report.ToSheets()), Workbook.ContentType, string.Create(CultureInfo.InvariantCulture, $"figures-{report.Year}.xlsx"));
}
