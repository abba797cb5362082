namespace Fashen.Engine.Catalogues;

/// <summary>The statutory review points (审核内容) used when a catalogue does not list its own.</summary>
/// <remarks>From 国办发〔2018〕118号 as restated by local rules (see ../shared/domain/review-rules.md §4),
/// with 管辖权限 split out of 执法权限 as the design asks.</remarks>
public static class StatutoryReviewPoints
{
    /// <summary>The source name given to these points in checklists.</summary>
    public const string Source = "审核要点";

    /// <summary>Gets the eight points, in order.</summary>
    public static IReadOnlyList<ChecklistItem> Default { get; } =
    [
        Point("执法主体", "行政执法主体是否合法，行政执法人员是否具备执法资格"),
        Point("管辖权限", "案件是否属于本机关管辖（地域管辖、级别管辖）"),
        Point("执法权限", "是否超越本机关法定权限或者滥用职权"),
        Point("事实认定与证据", "案件事实是否清楚，证据是否合法、确凿、充分"),
        Point("程序", "执法程序是否合法，是否充分保障当事人陈述、申辩、听证等权利"),
        Point("行政裁量权运用", "裁量基准运用是否适当，决定是否适当"),
        Point("法律适用", "适用法律、法规、规章是否准确"),
        Point("文书", "行政执法文书是否完备、规范"),
    ];

    /// <summary>Creates a catalogue-level review point.</summary>
    /// <param name="title">The short title.</param>
    /// <param name="question">What to check.</param>
    /// <returns>The checklist item.</returns>
    public static ChecklistItem Point(string title, string question) => new($"{Source}:{title}", title, question, Source);
}
