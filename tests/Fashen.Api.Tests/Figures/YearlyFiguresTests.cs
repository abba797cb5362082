using System.Net;
using System.Text.Json;
using Fashen.Engine.Figures;
using Fashen.Engine.Reviews;
using Fashen.Store;
using Fashen.Tests.Figures;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Fashen.Api.Tests.Figures;

/// <summary>The yearly figures (统计年报): a year of generated decisions played through the service on LiteDB and on PostgreSQL
/// gives the same figures from both, and they are what the player did; the public site publishes them once the year is over, as
/// a page, a spreadsheet and JSON that agree.</summary>
public sealed class YearlyFiguresTests
{
    private const int Decisions = 360;

    [Fact]
    public async Task AGeneratedYear_GivesTheSameFigures_OnBothStores_AndTheyCountWhatWasDone()
    {
        // Both stores in one test, so it runs once (the PostgreSQL pass of this suite would only repeat it).
        if (FashenApp.StoreUnderTest == StoreKind.PostgreSql)
        {
            return;
        }

        await using var lite = FashenApp.Start();
        await using var postgres = FashenApp.StartOnPostgreSql();
        var played = await GeneratedYear.PlayAsync(lite, Decisions);
        var playedAgain = await GeneratedYear.PlayAsync(postgres, Decisions);
        Assert.Equal(played.Done.OrderBy(d => d.Key), playedAgain.Done.OrderBy(d => d.Key));

        var fromLite = Figures(lite);
        var fromPostgres = Figures(postgres);
        Assert.Equal(JsonSerializer.Serialize(fromLite), JsonSerializer.Serialize(fromPostgres));

        int Sum(Func<YearlyFigures, int> figure) => fromLite.Sum(figure);
        int Did(string what) => played.Done.GetValueOrDefault(what);
        Assert.True(Did("classified") > 200 && Did("submitted") > 100 && Did("returned") > 0 && Did("withdrawnLate") > 0, string.Join(", ", played.Done));
        Assert.Equal(Did("classified"), Sum(f => f.Classified));
        Assert.Equal(Did("major"), Sum(f => f.Major));
        Assert.Equal(Did("reported"), Sum(f => f.Issued));
        Assert.Equal(Did("reported"), Sum(f => f.Publications.Reported));
        Assert.Equal(Did("submitted"), Sum(f => f.Reviews.Submitted));
        Assert.Equal(Did("approve"), Sum(f => f.Reviews.Approved));
        Assert.Equal(Did("correct"), Sum(f => f.Reviews.Corrected));
        Assert.Equal(Did("reject"), Sum(f => f.Reviews.Rejected));
        Assert.Equal(Did("refer"), Sum(f => f.Reviews.Referred));
        Assert.Equal(Did("returned"), Sum(f => f.Reviews.Returned));
        Assert.Equal(Did("returned"), Sum(f => f.Reviews.ReviewsReturned));
        Assert.Equal(Did("extensionRequested"), Sum(f => f.Reviews.ExtensionsRequested));
        Assert.Equal(Did("extensionGranted"), Sum(f => f.Reviews.ExtensionsGranted));
        Assert.Equal(Did("correct"), Sum(f => f.Reviews.OpenAtYearEnd));
        Assert.Equal(Did("published"), Sum(f => f.Publications.PublishedOnTime + f.Publications.PublishedLate));
        Assert.True(Sum(f => f.Publications.PublishedOnTime) > 0 && Sum(f => f.Publications.PublishedLate) > 0);
        Assert.Equal(Did("withdrawn") + Did("withdrawnLate"), Sum(f => f.Publications.Withdrawn));
        Assert.Equal(Did("withdrawnLate"), Sum(f => f.Publications.WithdrawnLate));
        Assert.Equal(Did("withoutPermit"), Sum(f => f.Findings.IssuedWithoutPermit));
        Assert.All(fromLite.Where(f => f.Reviews.Decided > 0), f => Assert.True(f.Reviews.MedianDays > 0 && f.Reviews.Percentile90Days >= f.Reviews.MedianDays));
        Assert.All(fromLite, f => Assert.Equal(f.Major, f.MajorByRule.Count == 0 ? 0 : f.Major));
        Assert.All(fromLite, f => Assert.DoesNotContain(f.Kinds, k => k.Action == YearlyFiguresCounter.UnknownAction));

        // Published on the public site once the year is over: the JSON is the figures, the spreadsheet says the same.
        lite.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.FromHours(8)));
        var anyone = lite.Anonymous();
        Assert.Equal(JsonSerializer.Serialize(fromLite), JsonSerializer.Serialize(JsonSerializer.Deserialize<List<YearlyFigures>>(
            await anyone.GetStringAsync("/public/figures/2026.json"), new JsonSerializerOptions(JsonSerializerDefaults.Web))));
        using var xlsx = await anyone.GetAsync("/public/figures/2026.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var sheet = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["概况", "执法决定", "重大的原因"], MiniExcel.GetSheetNames(sheet));
        var rows = MiniExcel.Query(sheet, sheetName: "概况").Cast<IDictionary<string, object?>>().ToList();
        var headers = rows[1];
        var submittedColumn = headers.Single(h => (string?)h.Value == "报送审核").Key;
        Assert.Equal(Did("submitted"), rows.Skip(2).Sum(r => Convert.ToInt32(r[submittedColumn], System.Globalization.CultureInfo.InvariantCulture)));
        var page = await anyone.GetStringAsync("/public/figures/2026");
        Assert.Contains("2026 年度重大执法决定法制审核统计", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("/public/figures/2026", await anyone.GetStringAsync("/public/figures"), StringComparison.Ordinal);

        // A year that is not over, or before the record: a problem naming the years there are.
        using var current = await anyone.GetAsync("/public/figures/2027.xlsx");
        Assert.Equal(HttpStatusCode.NotFound, current.StatusCode);
        Assert.Contains("FS6022", await current.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static IReadOnlyList<YearlyFigures> Figures(FashenApp app) =>
        YearlyFiguresCounter.Compute(app.Store.ReadAll(), 2026, app.Services.GetRequiredService<ReviewService>().Catalogues.Calendar, new ReviewOptions().TimeZone);
}
