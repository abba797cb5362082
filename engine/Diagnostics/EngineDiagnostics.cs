using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Diagnostics;

/// <summary>Every diagnostic about decisions and evaluation (codes FS4xxx). Each code is documented
/// in docs/diagnostics.md and is never reused or renumbered.</summary>
public static class EngineDiagnostics
{
    /// <summary>FS4001: a decision names a fact the schema does not have.</summary>
    /// <param name="at">Where the name is.</param>
    /// <param name="name">The name.</param>
    /// <param name="suggestion">The fact probably meant, as "label（key）", or null.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownDecisionFact(SourceSpan at, string name, string? suggestion) => Diagnostic.Error(
        "FS4001",
        $"决定中的事实“{name}”不在事实表中。" + (suggestion is null
            ? "请使用事实表（facts.yaml）中的键名或中文名称。"
            : $"是否想写“{suggestion}”？"),
        at);

    /// <summary>FS4002: a decision gives a fact a value of the wrong type.</summary>
    /// <param name="at">Where the value is.</param>
    /// <param name="fact">The fact, as "label（key）".</param>
    /// <param name="expected">What the fact takes, in words.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DecisionValueWrongType(SourceSpan at, string fact, string expected) => Diagnostic.Error(
        "FS4002",
        $"事实“{fact}”的值类型不对：应为{expected}。",
        at);

    /// <summary>FS4003: a decision gives an enum, ordinal or set fact a value it does not allow.</summary>
    /// <param name="at">Where the value is.</param>
    /// <param name="fact">The fact, as "label（key）".</param>
    /// <param name="value">The value.</param>
    /// <param name="allowed">The allowed values, joined.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownDecisionValue(SourceSpan at, string fact, string value, string allowed) => Diagnostic.Error(
        "FS4003",
        $"事实“{fact}”没有取值“{value}”。可用的取值：{allowed}。",
        at);

    /// <summary>FS4004: a judgement flag is raised without saying who raised it and why.</summary>
    /// <param name="at">Where the flag is.</param>
    /// <param name="fact">The flag, as "label（key）".</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic JudgementWithoutAttribution(SourceSpan at, string fact) => Diagnostic.Error(
        "FS4004",
        $"判断类事实“{fact}”由人认定，必须写明认定人和理由：JSON 中写 {{\"raisedBy\": \"张三\", \"reason\": \"涉及多个法律关系\"}}，目录清单的测试用例中写 {{raised_by: 张三, reason: 涉及多个法律关系}}；未认定时写 false。",
        at);

    /// <summary>FS4005 (warning): a date falls in a year whose holiday arrangement is not loaded.</summary>
    /// <param name="at">Where the date came from.</param>
    /// <param name="year">The year.</param>
    /// <param name="loaded">The years that are loaded, joined.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic CalendarYearNotLoaded(SourceSpan at, int year, string loaded) => Diagnostic.Warning(
        "FS4005",
        $"{year} 年的法定节假日安排尚未载入（已载入：{loaded}），审核时限按《全国年节及纪念日放假办法》规定的法定节假日暂定，"
        + "调休上班日无法预知。请在国务院办公厅公布当年放假安排后，把它加入节假日数据文件；载入后截止日期重新计算。",
        at);

    /// <summary>FS4006: no catalogue is loaded for the decision's department.</summary>
    /// <param name="at">Where the department is.</param>
    /// <param name="department">The department id.</param>
    /// <param name="available">The departments that have catalogues, joined.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic NoCatalogueForDepartment(SourceSpan at, string department, string available) => Diagnostic.Error(
        "FS4006",
        $"没有部门“{department}”的目录清单。已载入的部门：{available}。",
        at);

    /// <summary>FS4007: the decision's action kind is not one of the six.</summary>
    /// <param name="at">Where the action kind is.</param>
    /// <param name="action">The action kind as written.</param>
    /// <param name="allowed">The allowed kinds, joined.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownActionKind(SourceSpan at, string action, string allowed) => Diagnostic.Error(
        "FS4007",
        $"未知的执法行为类别“{action}”。应为：{allowed}。",
        at);

    /// <summary>FS4008: the decision's procedure is neither 一般程序 nor 简易程序.</summary>
    /// <param name="at">Where the procedure is.</param>
    /// <param name="procedure">The procedure as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic UnknownProcedure(SourceSpan at, string procedure) => Diagnostic.Error(
        "FS4008",
        $"未知的程序“{procedure}”。应为“一般程序”（普通程序）或“简易程序”。",
        at);

    /// <summary>FS4009: the decision lacks a field every decision must have.</summary>
    /// <param name="at">Where the decision is.</param>
    /// <param name="field">The field's name.</param>
    /// <param name="meaning">What the field is, in Chinese.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic MissingDecisionField(SourceSpan at, string field, string meaning) => Diagnostic.Error(
        "FS4009",
        $"决定缺少必填字段“{field}”（{meaning}）。",
        at);

    /// <summary>FS4010: the decision gives the same fact twice, for example by key and by alias.</summary>
    /// <param name="at">Where the second mention is.</param>
    /// <param name="fact">The fact, as "label（key）".</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic FactGivenTwice(SourceSpan at, string fact) => Diagnostic.Error(
        "FS4010",
        $"事实“{fact}”给出了两次（可能一次用键名、一次用中文名称）。请只保留一个。",
        at);

    /// <summary>FS4011: no version of the department's catalogue is in force on the decision's governing date.</summary>
    /// <param name="at">Where the date is (or the decision, when it gave none).</param>
    /// <param name="date">The date.</param>
    /// <param name="which">Which date it is: 拟作出决定日期, 立案日期 or 判定之日.</param>
    /// <param name="department">The department id.</param>
    /// <param name="periods">The versions loaded and their periods, joined.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic CatalogueNotInForce(SourceSpan at, string date, string which, string department, string periods) => Diagnostic.Error(
        "FS4011",
        $"{which} {date} 没有施行中的“{department}”目录清单版本，无法判定。已载入的版本：{periods}。",
        at);

    /// <summary>FS4012: an amount of money more precise than the 分.</summary>
    /// <param name="at">Where the amount is.</param>
    /// <param name="fact">The fact, as "label（key）".</param>
    /// <param name="text">The amount as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic MoneyTooPrecise(SourceSpan at, string fact, string text) => Diagnostic.Error(
        "FS4012",
        $"事实“{fact}”的金额“{text}”精确到分以下。金额最多保留两位小数（分）。",
        at);

    /// <summary>FS4013: a decision file is not well-formed JSON, or not shaped like a decision.</summary>
    /// <param name="at">Where the problem is.</param>
    /// <param name="detail">What is wrong, in Chinese.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic MalformedDecision(SourceSpan at, string detail) => Diagnostic.Error(
        "FS4013",
        $"决定文件格式有误：{detail}",
        at);

    /// <summary>FS4014: a date that is not a real calendar date in yyyy-MM-dd form.</summary>
    /// <param name="at">Where the date is.</param>
    /// <param name="text">The date as written.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InvalidDate(SourceSpan at, string text) => Diagnostic.Error(
        "FS4014",
        $"“{text}”不是有效日期。请按 yyyy-MM-dd 书写，例如 2026-10-09。",
        at);

    /// <summary>FS4015: a date of a decision outside the years Fashen accepts.</summary>
    /// <param name="at">Where the date is.</param>
    /// <param name="text">The date as written.</param>
    /// <param name="from">The first date accepted.</param>
    /// <param name="to">The last date accepted.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic DateOutOfRange(SourceSpan at, string text, string from, string to) => Diagnostic.Error(
        "FS4015",
        $"日期“{text}”超出可接受的范围（{from} 至 {to}）。请检查年份是否写错。",
        at);

    /// <summary>FS4016: a case id too long to be one, or with characters nobody sees.</summary>
    /// <param name="at">Where the case id is.</param>
    /// <param name="problem">What is wrong, in Chinese.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic InvalidCaseId(SourceSpan at, string problem) => Diagnostic.Error(
        "FS4016",
        $"案件编号无效：{problem}",
        at);

    /// <summary>FS4017: an amount too large to be meant, or a number whose digits a decimal cannot hold exactly.</summary>
    /// <param name="at">Where the number is.</param>
    /// <param name="text">The number as written.</param>
    /// <param name="problem">What is wrong, in Chinese.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic NumberOutOfRange(SourceSpan at, string text, string problem) => Diagnostic.Error(
        "FS4017",
        $"数字“{text}”无法作为金额或数值：{problem}",
        at);
}
