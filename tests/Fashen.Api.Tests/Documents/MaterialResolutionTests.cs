using System.Net;
using System.Text.Json.Nodes;
using static Fashen.Tests.Requests;

namespace Fashen.Api.Tests.Documents;

/// <summary>A reviewer accepting a case without one of its materials says how that material was resolved: received on paper
/// (with pages) or not required (with the reason); it is recorded and shown in place of "missing" from then on.</summary>
public sealed class MaterialResolutionTests
{
    [Fact]
    public async Task AcceptingWithoutAMaterial_NeedsItsResolution_WhichIsRecordedAndShown()
    {
        await using var app = FashenApp.Start();
        var (_, returned) = await Post(app.CaseSystem("scjg"), "/v1/reviews", Submission(FoodFine(), AllMaterials.Where(m => m != "证据材料")));
        Assert.Equal("returned", returned.State());
        var id = returned.GetProperty("id").GetString();
        var reviewer = await app.PersonAsync("li.min");

        foreach (var resolution in new JsonNode?[] { null, Resolution("paper", pages: 0), Resolution("waived", reason: "  ") })
        {
            var body = new JsonObject { ["version"] = returned.Version() };
            if (resolution is not null)
            {
                body["resolutions"] = new JsonArray(resolution);
            }

            var (status, problem) = await Post(reviewer, $"/v1/reviews/{id}/acceptance", body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Equal("FS5032", problem.Code());
            Assert.Contains("证据材料", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var (accepted, review) = await Post(reviewer, $"/v1/reviews/{id}/acceptance",
            new JsonObject { ["version"] = returned.Version(), ["resolutions"] = new JsonArray(Resolution("paper", pages: 12)) });

        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal("accepted", review.State());
        var kept = Assert.Single(review.GetProperty("resolutions").EnumerateArray());
        Assert.Equal(("证据材料", "paper", 12), (kept.GetProperty("material").GetString(), kept.GetProperty("how").GetString(), kept.GetProperty("pages").GetInt32()));
        var (_, history) = await Get(reviewer, $"/v1/reviews/{id}/history");
        Assert.Contains(history.EnumerateArray(), e => e.ToString().Contains("纸质材料已收（12 页）", StringComparison.Ordinal));
    }

    private static JsonObject Resolution(string how, int? pages = null, string? reason = null) =>
        new() { ["material"] = "证据材料", ["how"] = how, ["pages"] = pages, ["reason"] = reason };
}
