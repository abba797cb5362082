namespace Fashen.Engine.Catalogues;

/// <summary>One point a reviewer must check (审核要点).</summary>
/// <param name="Id">A stable id: the source and the title, such as <c>审核要点:执法主体</c> or <c>SC-P-01:听证程序</c>.</param>
/// <param name="Title">A short title (执法主体).</param>
/// <param name="Question">What to check, as a question.</param>
/// <param name="Source">Where the point comes from: 审核要点 for the catalogue's statutory points, or a rule id.</param>
public sealed record ChecklistItem(string Id, string Title, string Question, string Source);
