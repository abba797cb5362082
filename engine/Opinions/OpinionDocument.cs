using Fashen.Engine.Catalogues;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Opinions;

/// <summary>The legal review opinion (法制审核意见书) of a decided review, as words laid out in sections: the one text the
/// printable page and the archived PDF both show, so that they cannot say different things.</summary>
/// <param name="Unit">The department's name, above the title.</param>
/// <param name="Number">The document number (文号), e.g. 桓市监法审〔2026〕12号.</param>
/// <param name="Sections">The body, as labelled sections.</param>
/// <param name="Reviewer">The reviewer who gave the opinion.</param>
/// <param name="Date">The date of the opinion in Chinese numerals (二〇二六年十二月五日).</param>
/// <param name="Trace">Where in the record the opinion comes from, so that a copy can be checked against it.</param>
public sealed record OpinionDocument(string Unit, string Number, IReadOnlyList<OpinionSection> Sections, string Reviewer, string Date, string Trace)
{
    /// <summary>The title.</summary>
    public const string Title = "法制审核意见书";

    /// <summary>The entry that records an opinion archived as a PDF in the case file.</summary>
    public const string ArchivedEntry = "opinion.archived";

    /// <summary>Writes the opinion of a decided review.</summary>
    /// <param name="review">The review, decided.</param>
    /// <param name="catalogue">The department's catalogue in force on the day of the opinion (its name, facts and numbering),
    /// or null when none is loaded.</param>
    /// <param name="decided">The record entry of the outcome.</param>
    /// <param name="sequence">The opinion's place among the department's opinions of the year.</param>
    /// <param name="timeZone">Where the reviews are made, for the dates.</param>
    /// <returns>The document.</returns>
    public static OpinionDocument Of(Review review, Catalogue? catalogue, AuditEntry decided, long sequence, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(decided);
        var day = ReviewOptions.LocalDay(decided.At, timeZone);
        var decision = review.Submission.Decision;
        var action = decision["action"]?.GetValue<string>() is { } stored ? ActionKinds.Display(stored) : null;
        var procedure = Procedures.TryParse(decision["procedure"]?.GetValue<string>() ?? string.Empty, out var p) ? p.ToChinese() : "一般程序";

        var sections = new List<OpinionSection>
        {
            new("案件编号", [review.CaseId]),
            new("当事人", [decision["party"]?.GetValue<string>() is { Length: > 0 } party ? party : "（报送时未载明）"]),
            new("拟作出的决定", [$"{action}（{procedure}）"]),
            new("报送", [FactSentences.Sentence(
                $"{ChineseDate.Format(ReviewOptions.LocalDay(review.SubmittedAt, timeZone))}由{review.SubmitterName}报送，承办人{string.Join("、", review.HandledBy)}")]),
            new("主要事实", FactSentences.Of(review, catalogue?.Schema)),
            new("属于重大执法决定的情形", review.Submission.MatchedRules.Select(r => FactSentences.Sentence($"{r.Title}（目录条目 {r.Id}）")).ToList()),
            new("依据", [FactSentences.Sentence(string.Join("；", review.Submission.MatchedRules.SelectMany(r => r.Basis).Distinct()))]),
            new("审核要点", ChecklistParagraphs(review)),
        };

        if (decision["cause"]?.GetValue<string>() is { Length: > 0 } cause)
        {
            sections.Insert(2, new("案由", [cause]));
        }

        var counsel = review.Opinions.Where(o => o.Round == review.Round).ToList();
        if (counsel.Count > 0)
        {
            sections.Add(new("法律顾问意见", counsel.Select(o => FactSentences.Sentence($"{o.By.Name}：{o.Text}")).ToList()));
        }

        var outcome = review.Outcome ?? throw new ArgumentException("Only a decided review has an opinion.", nameof(review));
        sections.Add(new("审核意见", [FactSentences.Sentence(outcome.ToChinese() + (review.OutcomeReason is { Length: > 0 } reason ? "。" + reason : string.Empty))], Emphasis: true));

        // Who signed what, where the head confirms opinions: the reviewer gave it, the head made it take effect.
        var (reviewer, givenAt) = review.Decided ?? (decided.Actor, decided.At);
        if (review.Confirmation is { } confirmation)
        {
            sections.Add(new("签署", [
                FactSentences.Sentence($"审核人员{reviewer.Name}于{ChineseDate.Format(ReviewOptions.LocalDay(givenAt, timeZone))}提出审核意见"),
                FactSentences.Sentence($"法制机构负责人{confirmation.By.Name}于{ChineseDate.Format(ReviewOptions.LocalDay(confirmation.At, timeZone))}确认"
                    + (confirmation.Note is { } note ? "：" + note : string.Empty)),
            ]));
        }

        var template = catalogue?.OpinionNumber ?? OpinionNumberTemplate.Default;
        return new OpinionDocument(
            catalogue?.Name ?? review.Department,
            template.Format(day.Year, sequence),
            sections,
            reviewer.Name,
            ChineseDate.Format(day),
            $"本意见书依据全过程记录第 {decided.Sequence} 条（审核 {review.Id}，哈希 {decided.Hash}）生成。");
    }

    /// <summary>Gets the first moment of a day's year where the reviews are made, as an instant: opinions are numbered
    /// from it.</summary>
    /// <param name="at">A moment in the year.</param>
    /// <param name="timeZone">Where the reviews are made.</param>
    /// <returns>The start of the year.</returns>
    public static DateTimeOffset YearStart(DateTimeOffset at, TimeZoneInfo timeZone)
    {
        var start = new DateTime(ReviewOptions.LocalDay(at, timeZone).Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(start, timeZone.GetUtcOffset(start));
    }

    private static List<string> ChecklistParagraphs(Review review)
    {
        var passed = review.Checklist.Where(c => c.Status == ChecklistStatus.Pass && c.Note is null).Select(c => c.Item.Title).ToList();
        var paragraphs = new List<string>();
        if (passed.Count > 0)
        {
            paragraphs.Add($"{string.Join("、", passed)}：无问题。");
        }

        paragraphs.AddRange(review.Checklist.Where(c => c.Status != ChecklistStatus.Pass || c.Note is not null)
            .Select(c => FactSentences.Sentence($"{c.Item.Title}：{c.Status.ToChinese()}" + (c.Note is { } note ? "，" + note : string.Empty))));
        return paragraphs;
    }
}

/// <summary>One labelled section of an opinion.</summary>
/// <param name="Label">The label (主要事实).</param>
/// <param name="Paragraphs">Its paragraphs.</param>
/// <param name="Emphasis">Whether the section is the opinion itself, set in bold.</param>
public sealed record OpinionSection(string Label, IReadOnlyList<string> Paragraphs, bool Emphasis = false);

/// <summary>Lays an opinion out as a PDF (A4), with a CJK font embedded.</summary>
public interface IOpinionRenderer
{
    /// <summary>Renders an opinion.</summary>
    /// <param name="document">The opinion.</param>
    /// <param name="createdAt">When the opinion was given: the PDF's creation date, so that rendering it again gives the
    /// same bytes.</param>
    /// <returns>The PDF's bytes.</returns>
    byte[] Render(OpinionDocument document, DateTimeOffset createdAt);
}
