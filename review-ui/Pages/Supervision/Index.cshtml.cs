using System.Globalization;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Reviews;
using Fashen.Engine.Supervision;
using Fashen.ReviewUi.Spreadsheets;
using Microsoft.AspNetCore.Mvc;

namespace Fashen.ReviewUi.Pages.Supervision;

/// <summary>执法监督: the supervisor's pages, one section at a time — reviews overdue and near due, findings, relabelling at the gate,
/// publications overdue and withdrawals late, threshold evasion, catalogue coverage. Each section is a set of tables built once and
/// shown as HTML or exported as a spreadsheet, so both always say the same.</summary>
public sealed class IndexModel(ReviewService reviews, ReviewOptions options, SupervisorView view) : FashenPage(reviews, options)
{
    /// <summary>The sections, in the order of the tabs.</summary>
    public static readonly IReadOnlyList<(string Id, string Title)> Sections =
    [
        ("reviews", "审核超期和临期"),
        ("findings", "未经许可或与许可不符"),
        ("relabelling", "改换形式和定性"),
        ("publications", "公开逾期和撤回逾期"),
        ("evasion", "规避阈值"),
        ("coverage", "目录清单覆盖"),
    ];

    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    public string Current => Sections.Any(s => s.Id == Section) ? Section! : Sections[0].Id;

    public string CurrentTitle => Sections.First(s => s.Id == Current).Title;

    public IReadOnlyList<SupervisionTable> Tables { get; private set; } = [];

    public string? Problem { get; private set; }

    public DateTimeOffset? SignalsDrawnAt => view.SignalsDrawnAt;

    public void OnGet()
    {
        var tables = Build();
        if (tables is null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        Tables = tables;
    }

    /// <summary>The section as a spreadsheet: one worksheet per table.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        if (Build() is not { } tables)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var sheets = tables.Select(t => new Sheet(t.Title, $"{t.Title}（截至 {Date(Reviews.Today)}）", t.Headers, t.Rows.Select(r => (IReadOnlyList<object?>)r.Select(c => c.Value ?? c.Text).ToList()).ToList())).ToList();
        return File(await Workbook.ToBytesAsync(sheets), Workbook.ContentType, $"supervision-{Current}-{Date(Reviews.Today)}.xlsx");
    }

    private List<SupervisionTable>? Build() => Current switch
    {
        "findings" => Use(view.Findings(Caller), f => [Entries("未经许可或与许可不符作出的决定", f)]),
        "relabelling" => Use(view.Relabelling(Caller), r => [Entries("改换决定形式、改动审核过的决定、由重大改判", r)]),
        "publications" => PublicationTables(),
        "evasion" => Use(view.Evasions(Caller), e => [Bunching(e.Bunching), Splits(e.Splits)]),
        "coverage" => Use(view.Coverage(Caller), Coverage),
        _ => Use(view.DueReviews(Caller), r => [DueReviews(r)]),
    };

    private List<SupervisionTable>? Use<T>(Outcome<T> outcome, Func<T, List<SupervisionTable>> tables)
    {
        if (!outcome.Succeeded)
        {
            Problem = outcome.Error!.Message;
            return null;
        }

        return tables(outcome.Value!);
    }

    private List<SupervisionTable>? PublicationTables()
    {
        var overdue = view.OverduePublications(Caller);
        var late = view.LateWithdrawals(Caller);
        if (!overdue.Succeeded || !late.Succeeded)
        {
            Problem = (overdue.Error ?? late.Error)!.Message;
            return null;
        }

        var today = Reviews.Today;
        return
        [
            new("逾期未公开的执法决定", ["部门", "决定书文号", "决定日期", "公开期限", "逾期（日）"],
                overdue.Value!.Select(p => Row(
                    Cell.Plain(DepartmentName(p.Department)), Cell.Link(p.DocumentNumber, $"/publications/{p.Id}"), Cell.Day(p.DecidedOn),
                    p.DueOn is { } due ? Cell.Day(due) : Cell.Plain("待定"), Cell.Number(p.DueOn is { } d ? today.DayNumber - d.DayNumber : 0))).ToList()),
            Entries("逾期撤回（超过三日）", late.Value!),
        ];
    }

    private SupervisionTable DueReviews(IReadOnlyList<ReviewIndexEntry> reviews) => new(
        "审核超期和临期",
        ["部门", "案件", "事由", "状态", "期限", "到期情况", "审核人员"],
        reviews.Select(r => Row(
            Cell.Plain(DepartmentName(r.Department)), Cell.Link(r.CaseId, $"/reviews/{r.ReviewId}"), Cell.Plain(r.Title), Cell.Plain(r.State.ToChinese()),
            r.DueDate is { } due ? Cell.Day(due) : Cell.Plain("—"), Cell.Plain(Reviews.DueStateOf(r).ToChinese()), Cell.Plain(r.ReviewerName ?? "未领取"))).ToList());

    private SupervisionTable Entries(string title, IReadOnlyList<FlaggedEntry> entries) => new(
        title,
        ["日期", "部门", "类别", "情况", "全过程记录"],
        entries.Select(f => Row(
            Cell.Day(f.On), Cell.Plain(DepartmentName(f.Entry.Department!)), Cell.Plain(RecordText.TypeName(f.Entry.Type)), Cell.Plain(RecordText.Describe(f.Entry)),
            RecordLink(f.Entry.Sequence, f.Entry.ReviewId))).ToList());

    private SupervisionTable Bunching(IReadOnlyList<BunchingSignal> signals) => new(
        "阈值下方聚集",
        ["部门", "目录条目", "阈值", "略低于（件）", "略高于（件）", "低于所占比例", "本部门别处的比例", "偶然如此的概率", "低于阈值的案件"],
        signals.Select(s => Row(
            Cell.Plain(DepartmentName(s.Department)), Cell.Plain($"{s.RuleId} {s.RuleTitle}"), Cell.Plain(s.Threshold), Cell.Number(s.Below), Cell.Number(s.Above),
            Cell.Percent(s.ShareBelow), Cell.Percent(s.ExpectedShareBelow), Cell.Plain(s.PValue.ToString("0.##E+0", CultureInfo.InvariantCulture)),
            Cell.Cases(s.Cases))).ToList());

    private SupervisionTable Splits(IReadOnlyList<SplitSignal> signals) => new(
        "同一当事人拆分处罚",
        ["部门", "当事人", "目录条目", "阈值", "合计金额", "案件"],
        signals.Select(s => Row(
            Cell.Plain(DepartmentName(s.Department)), Cell.Plain(s.Party), Cell.Plain($"{s.RuleId} {s.RuleTitle}"), Cell.Plain(s.Threshold),
            Cell.Amount(s.Total), Cell.Cases(s.Cases))).ToList());

    private List<SupervisionTable> Coverage(IReadOnlyList<CoverageReport> reports) =>
    [
        new("近十二个月没有命中的条目", ["部门", "目录清单", "目录条目", "该类决定（件）"],
            reports.SelectMany(r => r.Unused.Select(u => Row(Cell.Plain(DepartmentName(r.Department)), Cell.Plain(r.Catalogue), Cell.Plain($"{u.RuleId} {u.Title}"), Cell.Number(u.OfItsKinds)))).ToList()),
        new("总是命中的条目（可能过宽）", ["部门", "目录清单", "目录条目", "该类决定（件）", "命中（件）"],
            reports.SelectMany(r => r.AlwaysMatching.Select(u => Row(Cell.Plain(DepartmentName(r.Department)), Cell.Plain(r.Catalogue), Cell.Plain($"{u.RuleId} {u.Title}"), Cell.Number(u.OfItsKinds), Cell.Number(u.Matched)))).ToList()),
        new("未命中任何条目、但符合某一条目部分条件的决定", ["部门", "目录条目", "符合的条件", "决定（件）", "案件"],
            reports.SelectMany(r => r.Unmatched.Select(u => Row(Cell.Plain(DepartmentName(r.Department)), Cell.Plain($"{u.RuleId} {u.RuleTitle}"), Cell.Plain(u.Condition), Cell.Number(u.Cases.Count), Cell.Cases(u.Cases, amounts: false)))).ToList()),
    ];

    private static Cell RecordLink(long sequence, string? reviewId) => reviewId is { } id
        ? Cell.Link($"第 {sequence} 条（审核 {id}）", $"/reviews/{id}#history")
        : Cell.Link($"第 {sequence} 条", $"/supervision/entries/{sequence}");

    private static IReadOnlyList<Cell> Row(params Cell[] cells) => cells;
}

/// <summary>One table of a supervision section.</summary>
/// <param name="Title">What it lists.</param>
/// <param name="Headers">The column headers.</param>
/// <param name="Rows">The rows.</param>
public sealed record SupervisionTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<Cell>> Rows);

/// <summary>A cell: its text, where it links to, and its value in a spreadsheet (a number or date stays one).</summary>
/// <param name="Text">The text shown.</param>
/// <param name="Href">The link, or null.</param>
/// <param name="Value">The value written to a spreadsheet; null for the text.</param>
/// <param name="Links">Several links in one cell (the cases behind a signal), or null.</param>
public sealed record Cell(string Text, string? Href = null, object? Value = null, IReadOnlyList<(string Text, string Href)>? Links = null)
{
    public static Cell Plain(string text) => new(text);

    public static Cell Link(string text, string href) => new(text, href);

    public static Cell Number(int value) => new(value.ToString(CultureInfo.InvariantCulture), Value: value);

    public static Cell Day(DateOnly day) => new(FashenPage.Date(day), Value: day);

    public static Cell Amount(decimal value) => new(value.ToString("#,0.##", CultureInfo.InvariantCulture) + " 元", Value: value);

    public static Cell Percent(double share) => new(StatisticsModel.Percent(share), Value: share);

    /// <summary>The cases behind a signal, each linked to its record entry, with the amount that counted when there is one.</summary>
    public static Cell Cases(IReadOnlyList<SignalCase> cases, bool amounts = true)
    {
        string Name(SignalCase c) => amounts ? $"{c.CaseId}（{c.Amount.ToString("#,0.##", CultureInfo.InvariantCulture)} 元）" : c.CaseId;
        return new(
            string.Join("、", cases.Select(c => $"{Name(c)} 全过程记录第 {c.Sequence} 条")),
            Links: cases.Select(c => (Name(c), $"/supervision/entries/{c.Sequence}")).ToList());
    }
}
