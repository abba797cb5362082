using System.Text.Json;
using System.Text.Json.Nodes;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;
using Fashen.Engine.Supervision;

namespace Fashen.ReviewUi.Pages.Supervision;

/// <summary>One entry of the record, as a flagged case links to it: what it records, when, by whom, its place in the chain and its
/// data as written.</summary>
public sealed class EntryModel(ReviewService reviews, ReviewOptions options, SupervisorView view) : FashenPage(reviews, options)
{
    public AuditEntry? Entry { get; private set; }

    public string? Problem { get; private set; }

    public string Data => Entry is null ? string.Empty
        : JsonNode.Parse(Entry.Data)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? Entry.Data;

    public void OnGet(long sequence)
    {
        var outcome = view.Entry(Caller, sequence);
        if (!outcome.Succeeded)
        {
            Problem = outcome.Error!.Message;
            Response.StatusCode = outcome.Error.Code == "FS5045" ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden;
            return;
        }

        Entry = outcome.Value;
    }
}
