using Fashen.Engine.Catalogues;
using Fashen.Engine.Reviews;
using Fashen.ReviewUi.Spreadsheets;
using Microsoft.AspNetCore.Mvc;

namespace Fashen.ReviewUi.Pages;

/// <summary>The queue: the legal office's work in three tabs (待办, 已办, 办结) with their counts, the caller's own reviews or the
/// whole office's, filters, paging, and the filtered list as a spreadsheet.</summary>
public sealed class IndexModel(ReviewService reviews, ReviewOptions options) : FashenPage(reviews, options)
{
    public const int PageSize = 50;

    /// <summary>The scope of the reviews the caller holds.</summary>
    public const string MineScope = "mine";

    /// <summary>The scope of every review of the caller's office.</summary>
    public const string OfficeScope = "office";

    /// <summary>The most rows an export holds: a year of a large county's reviews, and a file a spreadsheet opens at once.</summary>
    public const int MaxExportRows = 20_000;

    /// <summary>todo (the default), handled or concluded.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    /// <summary>"mine" for the reviews the caller holds; otherwise every review of the caller's office.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    /// <summary>One state within the tab (a reminder's link: the opinions waiting for confirmation), or null for the whole tab.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ReviewPage Results { get; private set; } = new([], 0);

    public IReadOnlyDictionary<QueueTab, int> Counts { get; private set; } = new Dictionary<QueueTab, int>();

    public string? Problem { get; private set; }

    /// <summary>What to remind the person of: their reviews due today, tomorrow or overdue; for a head, the office's overdue
    /// reviews and the opinions waiting for confirmation.</summary>
    public DeskReminders Reminders { get; private set; } = new(0, 0, 0, 0, 0);

    public QueueTab CurrentTab => QueueTabs.TryParse(Tab, out var tab) ? tab : OneState is { } state ? QueueTabs.Of(state) : QueueTab.ToDo;

    /// <summary>The one state asked for, when it is one of the tab's.</summary>
    public ReviewState? OneState => ReviewNames.TryParseState(State ?? string.Empty, out var state) ? state : null;

    /// <summary>Whether the caller holds reviews at all, so that "mine" means something.</summary>
    public bool CanHold => Caller.Has(Role.Reviewer);

    public bool Mine => CanHold && Scope == MineScope;

    public int PageCount => Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    public void OnGet()
    {
        Reminders = Reviews.RemindersFor(Caller);
        var query = Query() with { Page = Math.Max(1, PageNumber), PageSize = PageSize };
        var counts = Reviews.CountTabs(Caller, query);
        var outcome = Reviews.Query(Caller, query);
        if (outcome.Succeeded && counts.Succeeded)
        {
            Results = outcome.Value!;
            Counts = counts.Value!;
        }
        else
        {
            Problem = (outcome.Error ?? counts.Error)!.Message;
        }
    }

    /// <summary>The list as filtered, every page of it, as a spreadsheet.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var rows = new List<IReadOnlyList<object?>>();
        var total = 0;
        for (var page = 1; rows.Count < MaxExportRows; page++)
        {
            var outcome = Reviews.Query(Caller, Query() with { Page = page, PageSize = 200 });
            if (!outcome.Succeeded)
            {
                Problem = outcome.Error!.Message;
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            }

            total = outcome.Value!.Total;
            rows.AddRange(outcome.Value.Items.Take(MaxExportRows - rows.Count).Select(ExportRow));
            if (outcome.Value.Items.Count < 200)
            {
                break;
            }
        }

        var title = $"审核队列·{CurrentTab.ToChinese()}（{(Mine ? "我的" : "本机构")}{Filters()}，截至 {Date(Reviews.Today)}，共 {total} 件"
            + (total > rows.Count ? $"，此处列出前 {rows.Count} 件" : string.Empty) + "）";
        string[] headers = ["案件编号", "当事人", "案由", "部门", "执法行为", "状态", "截止日期", "期限", "审核人员", "报送时间", "最后办理时间"];
        var sheet = new Sheet(CurrentTab.ToChinese(), title, headers, rows);
        return File(await Workbook.ToBytesAsync([sheet]), Workbook.ContentType, $"reviews-{CurrentTab.ToWire()}-{Date(Reviews.Today)}.xlsx");
    }

    /// <summary>What a row shows as its matter: the party and the case's cause, or the rule that made it major when the case
    /// system named neither.</summary>
    public static string Matter(ReviewIndexEntry item) =>
        item.Party is null && item.Cause is null ? item.Title : string.Join("：", new[] { item.Party, item.Cause }.Where(t => t is not null));

    /// <summary>The state as the list says it, with what the review waits for.</summary>
    public static string StateText(ReviewIndexEntry item) =>
        item.State.ToChinese() + (item.CounselPending ? "，待法律顾问意见" : string.Empty) + (item.ExtensionPending ? "，延期待批" : string.Empty);

    /// <summary>The query string for the same list with some values changed (another tab, page or scope).</summary>
    public Dictionary<string, string> RouteWith(string? tab = null, int? page = null, string? scope = null)
    {
        var route = new Dictionary<string, string?>
        {
            ["tab"] = tab ?? Tab,
            ["scope"] = scope ?? Scope,
            ["state"] = tab is null ? State : null,
            ["department"] = Department,
            ["action"] = Action,
            ["due"] = Due,
            ["q"] = Search,
            ["p"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return route.Where(r => !string.IsNullOrEmpty(r.Value)).ToDictionary(r => r.Key, r => r.Value!);
    }

    private ReviewQuery Query() => new()
    {
        Department = string.IsNullOrEmpty(Department) ? null : Department,
        States = OneState is { } state && CurrentTab.States().Contains(state) ? [state] : CurrentTab.States(),
        Order = CurrentTab.Order(),
        ReviewerId = Mine ? Caller.Actor.Id : null,
        Action = ActionKinds.TryParse(Action ?? string.Empty, Reviews.Catalogues.ActionKinds, out var action) ? action.ToWire() : null,
        Due = DueStates.TryParse(Due ?? string.Empty, out var due) ? due : null,
        CaseIdContains = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
    };

    private IReadOnlyList<object?> ExportRow(ReviewIndexEntry item) =>
    [
        item.CaseId, item.Party ?? string.Empty, item.Cause ?? item.Title, DepartmentName(item.Department), Display.Names.Action(item.Action), StateText(item),
        item.DueDate, Reviews.DueStateOf(item).ToChinese(), item.ReviewerName ?? "未领取", Time(item.SubmittedAt), Time(item.UpdatedAt),
    ];

    // The filters in force, for the export's title.
    private string Filters()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Department))
        {
            parts.Add(DepartmentName(Department));
        }

        if (ActionKinds.TryParse(Action ?? string.Empty, Reviews.Catalogues.ActionKinds, out var action))
        {
            parts.Add(action.ToChinese());
        }

        if (DueStates.TryParse(Due ?? string.Empty, out var due))
        {
            parts.Add(due.ToChinese());
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            parts.Add($"案件编号含“{Search.Trim()}”");
        }

        return parts.Count == 0 ? string.Empty : "，" + string.Join("，", parts);
    }
}
