using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Fashen.Tests.Requests;
using static Microsoft.Playwright.Assertions;

namespace Fashen.ReviewUi.Tests;

/// <summary>The case file in the review page: each material with its files, a PDF and an image opened in the page from the
/// store, each opening recorded.</summary>
[Collection(BrowserCollection.Name)]
public class CaseFileTests(Browser browser)
{
    private const string Report = "案件调查终结报告（载明基本事实、适用依据、裁量基准执行情况、执法人员资格）";

    [Fact]
    public async Task APdfAndAnImage_OpenInTheReviewPage_AndEachOpeningIsRecorded()
    {
        await using var app = FashenApp.Start();
        var caseSystem = app.CaseSystem("scjg");
        var pdf = await UploadAsync(caseSystem, SampleFiles.Pdf("investigation report"), "application/pdf");
        var png = await UploadAsync(caseSystem, SampleFiles.Png(), "image/png");
        var submission = Submission(FoodFine(), AllMaterials.Where(m => m != Report && m != "证据材料"));
        submission["materials"]!.AsArray().Add(new JsonObject { ["name"] = Report, ["files"] = new JsonArray(new JsonObject { ["sha256"] = pdf, ["fileName"] = "调查终结报告.pdf" }) });
        submission["materials"]!.AsArray().Add(new JsonObject { ["name"] = "证据材料", ["files"] = new JsonArray(new JsonObject { ["sha256"] = png, ["fileName"] = "现场照片.png" }) });
        var (_, review) = await Post(caseSystem, "/v1/reviews", submission);
        var id = review.GetProperty("id").GetString();

        var page = await Ui.SignInAsync(browser, app, "wang.fang");
        await page.GotoAsync($"/reviews/{id}");
        var materials = page.Locator("#materials");
        await Expect(materials).ToContainTextAsync("调查终结报告.pdf");
        await Expect(materials).ToContainTextAsync("现场照片.png");
        Assert.DoesNotContain(app.Store.ReadAll(), e => e.Type == "file.read");   // nothing fetched until opened

        // The PDF, in a frame of the page: fetched from the case file as a PDF.
        var pdfResponse = await page.RunAndWaitForResponseAsync(
            () => page.Locator("summary", new() { HasText = "调查终结报告.pdf" }).ClickAsync(),
            r => r.Url.Contains($"/files/{pdf}", StringComparison.Ordinal));
        Assert.Equal(200, pdfResponse.Status);
        Assert.Equal("application/pdf", (await pdfResponse.AllHeadersAsync())["content-type"]);
        await Expect(page.Locator($"iframe[title='调查终结报告.pdf']")).ToBeVisibleAsync();

        // The image, shown in the page: decoded to its one pixel.
        await page.Locator("summary", new() { HasText = "现场照片.png" }).ClickAsync();
        var image = page.Locator("img[alt='现场照片.png']");
        await Expect(image).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector(\"img[alt='现场照片.png']\").complete");
        Assert.Equal(1, await image.EvaluateAsync<int>("img => img.naturalWidth"));

        var reads = app.Store.ReadAll().Where(e => e.Type == "file.read").ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, e => Assert.Equal("wang.fang", e.Actor.Id));
    }

    [Fact]
    public async Task AReturnedCase_AcceptedOnPaper_ShowsThePaperMaterialFromThenOn()
    {
        await using var app = FashenApp.Start();
        var (_, returned) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine(), AllMaterials.Where(m => m != "证据材料")));
        var page = await Ui.SignInAsync(browser, app, "li.min");
        await page.GotoAsync($"/reviews/{returned.GetProperty("id").GetString()}");

        // Accepting without saying how the missing material was resolved is refused beside the form.
        await page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Expect(page.Locator("#resolutions-error")).ToContainTextAsync("证据材料");

        var missing = page.Locator("fieldset", new() { HasText = "仍缺：证据材料" });
        await missing.GetByLabel("纸质材料已收").CheckAsync();
        await missing.GetByLabel("页数").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();

        await Expect(page.Locator(".flash")).ToContainTextAsync("已受理送审材料");
        await Expect(page.Locator("#materials")).ToContainTextAsync("证据材料（纸质材料已收（12 页））");
        await Expect(page.Locator("#materials .missing")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AReviewer_AddsAScanReceivedOnPaper_WhichJoinsTheCaseFile_AndAnExecutableIsRefused()
    {
        await using var app = FashenApp.Start();
        var (_, returned) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine(), AllMaterials.Where(m => m != "证据材料")));
        var id = returned.GetProperty("id").GetString();
        var page = await Ui.SignInAsync(browser, app, "li.min");
        await page.GotoAsync($"/reviews/{id}");

        // An executable dressed as a PDF: refused beside the form, nothing added.
        await page.Locator("summary", new() { HasText = "添加纸质材料扫描件" }).ClickAsync();
        await page.GetByLabel("材料", new() { Exact = true }).SelectOptionAsync("证据材料");
        await page.GetByLabel("扫描件（PDF、OFD 或图像）").SetInputFilesAsync(new FilePayload { Name = "扫描.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Elf() });
        await page.GetByRole(AriaRole.Button, new() { Name = "加入案卷" }).ClickAsync();
        await Expect(page.Locator("#paper-error")).ToContainTextAsync("纸质材料扫描件不能添加");
        Assert.DoesNotContain(app.Store.ReadAll(), e => e.Type == "review.paper_document_added");

        // A real PDF scan of 12 pages of evidence: listed under its material, opened in the page, in the record.
        var scan = SampleFiles.Pdf("scanned evidence");
        await page.GetByLabel("材料", new() { Exact = true }).SelectOptionAsync("证据材料");
        await page.GetByLabel("扫描件（PDF、OFD 或图像）").SetInputFilesAsync(new FilePayload { Name = "现场检查笔录扫描.pdf", MimeType = "application/pdf", Buffer = scan });
        await page.GetByLabel("纸质页数（可不填）").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "加入案卷" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("纸质材料扫描件已加入案卷");
        var listed = page.Locator("#materials li", new() { HasText = "证据材料" });
        await Expect(listed).ToContainTextAsync("现场检查笔录扫描.pdf");
        await Expect(listed).ToContainTextAsync("纸质材料扫描件 12 页，李敏添加");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator("summary", new() { HasText = "现场检查笔录扫描.pdf" }).ClickAsync(),
            r => r.Url.Contains($"/files/{SampleFiles.Sha256(scan)}", StringComparison.Ordinal));
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", (await response.AllHeadersAsync())["content-type"]);
        var added = Assert.Single(app.Store.ReadAll(), e => e.Type == "review.paper_document_added");
        Assert.Equal("li.min", added.Actor.Id);
        Assert.Contains(SampleFiles.Sha256(scan), added.Data, StringComparison.Ordinal);
    }
}
