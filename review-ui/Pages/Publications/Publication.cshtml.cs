using System.Globalization;
using System.Text.Json.Nodes;
using Fashen.Engine.IssuedDecisions;
using Fashen.Engine.Publication;
using Fashen.Engine.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace Fashen.ReviewUi.Pages.Publications;

/// <summary>One publication, for the legal office: the original beside the text to publish, with the kinds masked; approve it
/// (as proposed or corrected), correct what is published with a note, or withdraw it with its grounds.</summary>
public sealed class PublicationModel(ReviewService reviews, ReviewOptions options, Engine.Publication.Publications publications) : FashenPage(reviews, options)
{
    /// <summary>The fields, in the order they are shown: key and label.</summary>
    public static readonly (string Key, string Label)[] FieldNames =
        [("agency", "执法机关"), ("party", "执法对象"), ("category", "执法类别"), ("conclusion", "执法结论"), ("basis", "依据")];

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public Dictionary<string, string> Fields { get; set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Grounds { get; set; }

    [BindProperty]
    public string? ChangedOn { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public PublicationRecord? Publication { get; private set; }

    public DateOnly Today => publications.Today;

    public string? Unavailable { get; private set; }

    public void OnGet() => Load();

    public IActionResult OnPostApprove() => Done(publications.Approve(Caller, Id, Version, Edited()), "已审核并公开。");

    public IActionResult OnPostCorrect() => Done(publications.Correct(Caller, Id, Version, Edited() ?? Empty, Note ?? string.Empty), "已纠错，公开页面显示纠错说明。");

    public IActionResult OnPostWithdraw() =>
        Done(
            DateOnly.TryParseExact(ChangedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var changedOn)
                ? publications.Withdraw(Caller, Id, Version, Grounds ?? string.Empty, changedOn, Reason ?? string.Empty)
                : ReviewErrors.PublicationInvalid("请填写决定被变更、撤销或确认的日期"),
            "已撤回，公开页面显示撤回的理由。");

    /// <summary>A field of a part of the content (original, proposed, published).</summary>
    public string Text(string part, string key) => (string?)Publication?.Content[part]?[key] ?? string.Empty;

    /// <summary>The text the form shows: what was typed, else what is published, else what is proposed.</summary>
    public string Editing(string key) =>
        Fields.TryGetValue(key, out var typed) ? typed : Text(Publication?.Content["published"] is null ? "proposed" : "published", key);

    private static PublicationFields Empty => new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    // The text as typed, when it differs from what stands; null when nothing was changed.
    private PublicationFields? Edited()
    {
        if (Fields.Count == 0)
        {
            return null;
        }

        string Field(string key) => Fields.TryGetValue(key, out var value) ? value.Trim() : string.Empty;
        var fields = new PublicationFields(Field("agency"), Field("party"), Field("category"), Field("conclusion"), Field("basis"));
        var standing = publications.Get(Caller, Id).Value?.Content;
        var current = standing?["published"] ?? standing?["proposed"];
        return current is JsonObject same && FieldNames.All(f => (string?)same[f.Key] == Field(f.Key)) ? null : fields;
    }

    private IActionResult Done(Outcome<PublicationRecord> outcome, string message)
    {
        if (outcome.Succeeded)
        {
            Flash = message;
            return RedirectToPage("/Publications/Publication", new { id = Id });
        }

        ModelState.AddModelError(string.Empty, outcome.Error!.Message);
        Load();
        return Page();
    }

    private bool Load()
    {
        var found = publications.Get(Caller, Id);
        if (!found.Succeeded)
        {
            Unavailable = found.Error!.Message;
            Response.StatusCode = found.Error.Kind == ReviewErrorKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden;
            return false;
        }

        Publication = found.Value!;
        return true;
    }
}
