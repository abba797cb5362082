using Fashen.Engine.Opinions;

namespace Fashen.Api.Contracts;

/// <summary>The review opinion document (法制审核意见书): its number and text, and the PDF archived in the case file.</summary>
/// <param name="ReviewId">The review.</param>
/// <param name="Number">The document number (文号), e.g. 桓市监法审〔2026〕12号.</param>
/// <param name="Unit">The department's name.</param>
/// <param name="Date">The opinion's date, in Chinese numerals.</param>
/// <param name="Reviewer">The reviewer who gave it.</param>
/// <param name="Sections">Its sections, as printed.</param>
/// <param name="Sha256">The archived PDF's SHA-256 (GET /v1/reviews/{id}/files/{sha256}, or …/opinion.pdf).</param>
/// <param name="Size">The PDF's size in bytes.</param>
/// <param name="ArchivedInEntry">The record entry that archived it.</param>
public sealed record ReviewOpinionResponse(
    string ReviewId, string Number, string Unit, string Date, string Reviewer, IReadOnlyList<OpinionSection> Sections, string Sha256, long Size, long ArchivedInEntry)
{
    public static ReviewOpinionResponse From(string reviewId, ArchivedOpinion opinion) => new(
        reviewId, opinion.Document.Number, opinion.Document.Unit, opinion.Document.Date, opinion.Document.Reviewer, opinion.Document.Sections,
        opinion.Sha256, opinion.Size, opinion.Entry.Sequence);
}
