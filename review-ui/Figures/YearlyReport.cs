using System.Globalization;
using System.Net;
using System.Text;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Figures;
using Fashen.Engine.Reviews;
using Fashen.ReviewUi.Display;
using Fashen.ReviewUi.Spreadsheets;

namespace Fashen.ReviewUi.Figures;

/// <summary>The yearly figures (统计年报) as people read them: one set of Chinese labels for the page with its charts and for the
/// spreadsheet, so the two always say the same.</summary>
/// <param name="Year">The year.</param>
/// <param name="Departments">Each department's figures.</param>
/// <param name="DepartmentName">The name of a department, from its id.</param>
/// <param name="RuleTitle">The wording of a department's rule, from its id, when the record did not hold it.</param>
public sealed record YearlyReport(int Year, IReadOnlyList<YearlyFigures> Departments, Func<string, string> DepartmentName, Func<string, string, string?> RuleTitle)
{
    /// <summary>Makes a report that names departments and rules from the catalogues.</summary>
    /// <param name="year">The year.</param>
    /// <param name="departments">The figures.</param>
    /// <param name="catalogues">The catalogues.</param>
    /// <returns>The report.</returns>
    public static YearlyReport Of(int year, IReadOnlyList<YearlyFigures> departments, CatalogueSet catalogues)
    {
        ArgumentNullException.ThrowIfNull(catalogues);
        var yearEnd = new DateOnly(year, 12, 31);
        return new YearlyReport(
            year,
            departments,
            id => catalogues.Shown(id, yearEnd)?.Catalogue.Name ?? catalogues.VersionsOf(id).LastOrDefault()?.Catalogue.Name ?? id,
            (department, rule) => catalogues.VersionsOf(department).Reverse().SelectMany(c => c.Catalogue.Rules).FirstOrDefault(r => r.Id == rule)?.Title);
    }

    /// <summary>The summary's columns: one row per department.</summary>
    public static IReadOnlyList<(string Header, Func<YearlyFigures, object?> Value)> SummaryColumns { get; } =
    [
        ("判定案件", f => f.Classified),
        ("其中重大", f => f.Major),
        ("报告作出的决定", f => f.Issued),
        ("报送审核", f => f.Reviews.Submitted),
        ("作出审核意见", f => f.Reviews.Decided),
        ("同意", f => f.Reviews.Approved),
        ("纠正", f => f.Reviews.Corrected),
        ("不同意", f => f.Reviews.Rejected),
        ("移送", f => f.Reviews.Referred),
        ("补正（次）", f => f.Reviews.Returned),
        ("补正（件）", f => f.Reviews.ReviewsReturned),
        ("申请延期", f => f.Reviews.ExtensionsRequested),
        ("批准延期", f => f.Reviews.ExtensionsGranted),
        ("审核用时中位数（工作日）", f => f.Reviews.MedianDays),
        ("审核用时第 90 百分位（工作日）", f => f.Reviews.Percentile90Days),
        ("逾期作出审核意见", f => f.Reviews.DecidedLate),
        ("年末未结", f => f.Reviews.OpenAtYearEnd),
        ("年末逾期未结", f => f.Reviews.OverdueAtYearEnd),
        ("按期公开", f => f.Publications.PublishedOnTime),
        ("逾期公开", f => f.Publications.PublishedLate),
        ("年末逾期未公开", f => f.Publications.OverdueAtYearEnd),
        ("纠错", f => f.Publications.Corrected),
        ("撤回", f => f.Publications.Withdrawn),
        ("逾期撤回", f => f.Publications.WithdrawnLate),
        ("未经许可作出", f => f.Findings.IssuedWithoutPermit),
        ("与许可不符", f => f.Findings.IssuedNotAsPermitted),
        ("伪造许可凭证", f => f.Findings.InvalidPermits),
        ("规避审核嫌疑", f => f.Findings.ReviewEvasion),
    ];

    /// <summary>Gets the Chinese name of a kind of action as the figures hold it.</summary>
    /// <param name="action">The wire name.</param>
    /// <returns>The name.</returns>
    public static string KindName(string action) =>
        ActionKinds.TryParse(action, out var kind) ? kind.ToChinese() : action == YearlyFiguresCounter.UnknownAction ? "未记录类别" : action;

    /// <summary>Writes the report as worksheets: the summary, decisions by kind, and why decisions were major.</summary>
    /// <returns>The worksheets.</returns>
    public IReadOnlyList<Sheet> ToSheets()
    {
        var title = $"{Year} 年度重大执法决定法制审核统计（按全过程记录计算，截至 {Year} 年 12 月 31 日）";
        var summary = new Sheet(
            "概况", title, ["部门", .. SummaryColumns.Select(c => c.Header)],
            Departments.Select(f => (IReadOnlyList<object?>)[DepartmentName(f.Department), .. SummaryColumns.Select(c => c.Value(f))]).ToList());
        var kinds = new Sheet(
            "执法决定", title, ["部门", "执法类别", "判定案件", "其中重大", "报告作出的决定", "其中重大"],
            Departments.SelectMany(f => f.Kinds.Select(k => (IReadOnlyList<object?>)[DepartmentName(f.Department), KindName(k.Action), k.Classified, k.Major, k.Issued, k.IssuedMajor])).ToList());
        var rules = new Sheet(
            "重大的原因", title, ["部门", "目录条目", "条目内容", "案件数"],
            Departments.SelectMany(f => f.MajorByRule.Select(r => (IReadOnlyList<object?>)[DepartmentName(f.Department), r.RuleId, Title(f.Department, r), r.Cases])).ToList());
        return [summary, kinds, rules];
    }

    /// <summary>Writes the report's body as HTML: per department, the key figures, charts with the same figures in tables beside them,
    /// and why decisions were major.</summary>
    /// <returns>The HTML.</returns>
    public string ToHtml()
    {
        var html = new StringBuilder();
        if (Departments.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{Year} 年的全过程记录中没有执法决定、审核或公开。</p>");
        }

        foreach (var f in Departments)
        {
            var name = DepartmentName(f.Department);
            var id = $"dept-{E(f.Department)}";
            html.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"{id}\"><h2 id=\"{id}\">{E(name)}</h2>\n");
            html.Append("<div class=\"charts\"><figure>")
                .Append(Charts.Columns($"{id}-kinds", $"{name} {Year} 年各类执法决定（判定案件）", f.Kinds.Select(k => (KindName(k.Action), (double)k.Classified)).ToList()))
                .Append("<figcaption>各类执法决定（判定案件）</figcaption></figure><figure>")
                .Append(Charts.Stacked($"{id}-outcomes", $"{name} {Year} 年审核意见构成",
                    [("同意", f.Reviews.Approved, "part-approve"), ("纠正", f.Reviews.Corrected, "part-correct"), ("不同意", f.Reviews.Rejected, "part-reject"), ("移送", f.Reviews.Referred, "part-refer")]))
                .Append("<figcaption>审核意见构成</figcaption></figure><figure>")
                .Append(Charts.Stacked($"{id}-publications", $"{name} {Year} 年执法决定公开",
                    [("按期公开", f.Publications.PublishedOnTime, "part-approve"), ("逾期公开", f.Publications.PublishedLate, "part-reject"), ("年末逾期未公开", f.Publications.OverdueAtYearEnd, "part-refer")], "尚无公开"))
                .Append("<figcaption>执法决定公开</figcaption></figure></div>\n");
            html.Append(CultureInfo.InvariantCulture, $"<table class=\"figures\"><caption>{E(name)} {Year} 年主要数据</caption><tbody>\n");
            foreach (var (header, value) in SummaryColumns)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(header)}</th><td>{E(Format(value(f)))}</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
            html.Append(CultureInfo.InvariantCulture, $"<table><caption>{E(name)} {Year} 年各类执法决定</caption><thead><tr><th scope=\"col\">执法类别</th><th scope=\"col\">判定案件</th><th scope=\"col\">其中重大</th><th scope=\"col\">报告作出的决定</th><th scope=\"col\">其中重大</th></tr></thead><tbody>\n");
            foreach (var k in f.Kinds)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(KindName(k.Action))}</th><td>{k.Classified}</td><td>{k.Major}</td><td>{k.Issued}</td><td>{k.IssuedMajor}</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
            if (f.MajorByRule.Count > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<table><caption>{E(name)} {Year} 年重大执法决定的原因（按目录条目）</caption><thead><tr><th scope=\"col\">目录条目</th><th scope=\"col\">条目内容</th><th scope=\"col\">案件数</th></tr></thead><tbody>\n");
                foreach (var r in f.MajorByRule)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"id\">{E(r.RuleId)}</td><td>{E(Title(f.Department, r))}</td><td>{r.Cases}</td></tr>\n");
                }

                html.Append("</tbody></table>\n");
            }

            html.Append("</section>\n");
        }

        return html.ToString();
    }

    /// <summary>Formats a figure for a page: numbers with at most one decimal, a dash for none.</summary>
    /// <param name="value">The figure.</param>
    /// <returns>The text.</returns>
    public static string Format(object? value) => value switch
    {
        null => "—",
        double d => d.ToString("0.#", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Gets a rule's wording: as the record holds it, else from the catalogues.</summary>
    /// <param name="department">The department.</param>
    /// <param name="rule">The rule's figures.</param>
    /// <returns>The wording, or empty when neither knows it.</returns>
    public string Title(string department, RuleFigures rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Title ?? RuleTitle(department, rule.RuleId) ?? string.Empty;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
