using System.Net;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests.Documents;

/// <summary>Submissions name their materials' files by SHA-256: the record keeps every file with the submission, only files
/// the case system uploaded can be named, and the same decision with a document changed after approval is a new round that
/// has no permit until it is approved again, with the change shown.</summary>
public sealed class SubmittedDocumentsTests : IAsyncLifetime
{
    private const string Report = "案件调查终结报告（载明基本事实、适用依据、裁量基准执行情况、执法人员资格）";

    private FashenApp _app = null!;

    public Task InitializeAsync()
    {
        _app = FashenApp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheFilesOfASubmission_AreInItsRecordEntry_AndItsAnswer()
    {
        var report = await UploadAsync(_app.CaseSystem("scjg"), SampleFiles.Pdf("report v1"));

        var (status, review) = await Post(_app.CaseSystem("scjg"), "/v1/reviews", WithFiles(FoodFine(), (report, "调查终结报告.pdf")));

        Assert.Equal(HttpStatusCode.Created, status);
        var document = Assert.Single(review.GetProperty("documents").EnumerateArray());
        Assert.Equal(report, document.GetProperty("sha256").GetString());
        Assert.Equal("调查终结报告.pdf", document.GetProperty("fileName").GetString());
        Assert.Equal(Report, document.GetProperty("material").GetString());
        Assert.Equal("application/pdf", document.GetProperty("contentType").GetString());
        Assert.StartsWith("sha256:", review.GetProperty("documentsDigest").GetString(), StringComparison.Ordinal);
        Assert.Contains(_app.Store.ReadAll(), e => e.Type == "review.submitted" && e.Data.Contains(report, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReviewersRead_OfACaseFilesDocument_IsRecorded_AndOtherDepartmentsSeeNothing()
    {
        var pdf = SampleFiles.Pdf("report");
        var report = await UploadAsync(_app.CaseSystem("scjg"), pdf);
        var (_, review) = await Post(_app.CaseSystem("scjg"), "/v1/reviews", WithFiles(FoodFine(), (report, "调查终结报告.pdf")));
        var path = $"/v1/reviews/{review.GetProperty("id").GetString()}/files/{report}";

        using var read = await (await _app.PersonAsync("wang.fang")).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(pdf, await read.Content.ReadAsByteArrayAsync());
        Assert.Equal("调查终结报告.pdf", read.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("SAMEORIGIN", read.Headers.GetValues("X-Frame-Options").Single());
        var entry = Assert.Single(_app.Store.ReadAll(), e => e.Type == "file.read");
        Assert.Equal("wang.fang", entry.Actor.Id);
        Assert.Contains(review.GetProperty("id").GetString()!, entry.Data, StringComparison.Ordinal);

        // A reviewer of another department: the review is not theirs to see, nor its files; and a file not in the review is not
        // read through it.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.PersonAsync("zhao.lei")).GetAsync(path)).StatusCode);
        var other = await UploadAsync(_app.CaseSystem("scjg"), SampleFiles.Pdf("not in the review"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.PersonAsync("wang.fang")).GetAsync(path.Replace(report, other, StringComparison.Ordinal))).StatusCode);
        Assert.Single(_app.Store.ReadAll(), e => e.Type == "file.read");
    }

    [Fact]
    public async Task AFileNotUploadedByThisCaseSystem_CannotBeNamed_UntilItSendsTheBytesItself()
    {
        var theirs = await UploadAsync(_app.CaseSystem("sthj"), SampleFiles.Pdf("another department's"));
        var never = new string('b', 64);

        foreach (var sha in new[] { theirs, never })
        {
            var (status, problem) = await Post(_app.CaseSystem("scjg"), "/v1/reviews", WithFiles(FoodFine(), (sha, "x.pdf")));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Equal("FS5030", problem.Code());
        }

        Assert.DoesNotContain(_app.Store.ReadAll(), e => e.Type == "review.submitted");

        // Once it sends the same bytes itself (the upload proves it has them), it holds the file too, and may name it.
        var (again, _) = await PutFileAsync(_app.CaseSystem("scjg"), theirs, SampleFiles.Pdf("another department's"), "application/pdf");
        Assert.Equal(HttpStatusCode.OK, again);
        var (named, _) = await Post(_app.CaseSystem("scjg"), "/v1/reviews", WithFiles(FoodFine(), (theirs, "x.pdf")));
        Assert.Equal(HttpStatusCode.Created, named);
        Assert.Contains(theirs, Assert.Single(_app.Store.ReadAll(), e => e.Type == "file.held").Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADocumentChangedAfterApproval_IsANewRound_WithTheChangeShown_AndNoPermitUntilApproved()
    {
        var scjg = _app.CaseSystem("scjg");
        var first = await UploadAsync(scjg, SampleFiles.Pdf("report v1"));
        var (_, review) = await Post(scjg, "/v1/reviews", WithFiles(FoodFine(), (first, "调查终结报告.pdf")));
        var id = review.GetProperty("id").GetString();
        var reviewer = await _app.PersonAsync("li.min");
        review = await CompleteChecklistAsync(reviewer, review);
        var (_, approved) = await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" });
        Assert.Equal("approved", approved.State());

        // The same submission again: the approved review, as it stands.
        var (same, sameReview) = await Post(scjg, "/v1/reviews", WithFiles(FoodFine(), (first, "调查终结报告.pdf")));
        Assert.Equal(HttpStatusCode.OK, same);
        Assert.Equal("approved", sameReview.State());

        // The report replaced: a new round of the same review, the change named, and no permit.
        var second = await UploadAsync(scjg, SampleFiles.Pdf("report v2"));
        var (changed, changedReview) = await Post(scjg, "/v1/reviews", WithFiles(FoodFine(), (second, "调查终结报告（修改）.pdf")));
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal(id, changedReview.GetProperty("id").GetString());
        Assert.NotEqual("approved", changedReview.State());
        var change = Assert.Single(changedReview.GetProperty("rounds").EnumerateArray().Last().GetProperty("documentChanges").EnumerateArray());
        Assert.Equal(("changed", first, second), (change.GetProperty("change").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));

        var (_, issuance) = await Post(scjg, "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });
        Assert.False(issuance.GetProperty("issuable").GetBoolean());
    }

    [Fact]
    public async Task ThePermit_IsBoundToTheApprovedDocuments_AndIsRefusedForOthersOrNone()
    {
        var scjg = _app.CaseSystem("scjg");
        var report = await UploadAsync(scjg, SampleFiles.Pdf("report as approved"));
        var (_, review) = await Post(scjg, "/v1/reviews", WithFiles(FoodFine(), (report, "调查终结报告.pdf")));
        var id = review.GetProperty("id").GetString();
        var reviewer = await _app.PersonAsync("li.min");
        review = await CompleteChecklistAsync(reviewer, review);
        await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" });
        var other = await UploadAsync(scjg, SampleFiles.Pdf("report written after approval"));

        // No documents named: the approval covers them, so the request cannot be held to it.
        var (_, unnamed) = await Post(scjg, "/v1/issuance", new JsonObject { ["decision"] = FoodFine() });
        Assert.False(unnamed.GetProperty("issuable").GetBoolean());
        Assert.Equal("FS5033", unnamed.GetProperty("reasons")[0].GetProperty("code").GetString());

        // Another report in its place, or one more file: a different decision from the one approved, the change named.
        foreach (var files in new[] { new[] { (other, "调查终结报告.pdf") }, [(report, "调查终结报告.pdf"), (other, "补充.pdf")] })
        {
            var (_, changed) = await Post(scjg, "/v1/issuance", Issuance(files));
            Assert.False(changed.GetProperty("issuable").GetBoolean());
            var reason = changed.GetProperty("reasons")[0];
            Assert.Equal("FS5025", reason.GetProperty("code").GetString());
            Assert.Contains(files.Length == 1 ? "更换" : "新增文件“补充.pdf”", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // The approved documents (under any display name): a permit that states their digest.
        var (_, issued) = await Post(scjg, "/v1/issuance", Issuance([(report, "报告.pdf")]));
        Assert.True(issued.GetProperty("issuable").GetBoolean());
        var claims = issued.GetProperty("permit").GetProperty("claims");
        Assert.Equal(review.GetProperty("documentsDigest").GetString(), claims.GetProperty("documentsDigest").GetString());
        var refusals = _app.Store.ReadAll().Where(e => e.Type == "issuance.refused").Select(e => e.Data).ToList();
        Assert.Equal(3, refusals.Count);
        Assert.Contains(refusals, d => d.Contains("FS5033", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AScanReceivedOnPaper_JoinsTheCaseFileAndTheRecord_ButNotTheApprovedDigest()
    {
        var scjg = _app.CaseSystem("scjg");
        var report = await UploadAsync(scjg, SampleFiles.Pdf("report"));
        var (_, review) = await Post(scjg, "/v1/reviews", WithFiles(FoodFine(), (report, "调查终结报告.pdf")));
        var id = review.GetProperty("id").GetString();
        var reviewer = await _app.PersonAsync("li.min");
        var scan = await UploadAsync(reviewer, SampleFiles.Pdf("scan of the hearing record"));
        var docx = await UploadAsync(reviewer, SampleFiles.Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        JsonObject Paper(string sha, long version) => new()
        {
            ["version"] = version, ["material"] = "证据材料", ["sha256"] = sha, ["fileName"] = "听证笔录（扫描）.pdf", ["pages"] = 8,
        };

        // Only a PDF, OFD or image the reviewer uploaded; not the case system's file, not a document to edit.
        var (notOwn, notOwnProblem) = await Post(reviewer, $"/v1/reviews/{id}/paper-documents", Paper(report, review.Version()));
        Assert.Equal((HttpStatusCode.NotFound, "FS5029"), (notOwn, notOwnProblem.Code()));
        var (word, wordProblem) = await Post(reviewer, $"/v1/reviews/{id}/paper-documents", Paper(docx, review.Version()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "FS5038"), (word, wordProblem.Code()));

        var (added, withScan) = await Post(reviewer, $"/v1/reviews/{id}/paper-documents", Paper(scan, review.Version()));
        Assert.Equal(HttpStatusCode.OK, added);
        var paper = Assert.Single(withScan.GetProperty("paperDocuments").EnumerateArray());
        Assert.Equal((scan, 8, "li.min"), (paper.GetProperty("sha256").GetString(), paper.GetProperty("pages").GetInt32(), paper.GetProperty("addedBy").GetProperty("id").GetString()));
        Assert.Equal(review.GetProperty("documentsDigest").GetString(), withScan.GetProperty("documentsDigest").GetString());
        Assert.Contains(_app.Store.ReadAll(), e => e.Type == "review.paper_document_added" && e.Data.Contains(scan, StringComparison.Ordinal));

        // Readable in the case file by whoever may see the review; another department's reviewer may not.
        using var read = await (await _app.PersonAsync("wang.fang")).GetAsync($"/v1/reviews/{id}/files/{scan}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("听证笔录（扫描）.pdf", read.Content.Headers.ContentDisposition!.FileNameStar);

        // Approved, the permit is still bound to the submitted documents alone.
        review = await CompleteChecklistAsync(reviewer, withScan);
        await Post(reviewer, $"/v1/reviews/{id}/outcome", new JsonObject { ["version"] = review.Version(), ["outcome"] = "approve" });
        var (_, issued) = await Post(scjg, "/v1/issuance", Issuance([(report, "调查终结报告.pdf")]));
        Assert.True(issued.GetProperty("issuable").GetBoolean(), issued.ToString());
    }

    private static JsonObject Issuance((string Sha256, string FileName)[] files) => new()
    {
        ["decision"] = FoodFine(),
        ["materials"] = WithFiles(FoodFine(), files)["materials"]!.DeepClone(),
    };

    private static JsonObject WithFiles(JsonObject decision, params (string Sha256, string FileName)[] files)
    {
        var submission = Submission(decision, AllMaterials.Where(m => m != Report));
        submission["materials"]!.AsArray().Add(new JsonObject
        {
            ["name"] = Report,
            ["files"] = new JsonArray(files.Select(f => (JsonNode)new JsonObject { ["sha256"] = f.Sha256, ["fileName"] = f.FileName }).ToArray()),
        });
        return submission;
    }
}
