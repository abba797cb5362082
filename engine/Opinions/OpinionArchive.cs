using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Fashen.Engine.Documents;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Opinions;

/// <summary>The review opinions (法制审核意见书) as archived documents: each outcome in the record gets a number from its place
/// among the department's outcomes of the year, and its PDF is kept in the case file with an entry naming the number and the
/// hash. Archiving happens once per outcome, whichever instance gets there first; the number never depends on which.</summary>
/// <param name="reviews">The reviews, read as the caller may see them.</param>
/// <param name="store">The record.</param>
/// <param name="files">Where the PDF's bytes are kept.</param>
/// <param name="renderer">Lays the opinion out as a PDF.</param>
/// <param name="clock">The clock.</param>
/// <param name="options">Settings (the time zone of the dates).</param>
public sealed class OpinionArchive(
    ReviewService reviews, IReviewStore store, IFileStore files, IOpinionRenderer renderer, TimeProvider clock, ReviewOptions options)
{
    /// <summary>The record entry of an outcome, which an opinion is the document of.</summary>
    public const string OutcomeEntry = "review.decided";

    /// <summary>Gets a review's opinion, archiving it first when it has not been.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="reviewId">The review.</param>
    /// <returns>The opinion and its archived PDF, or why not.</returns>
    public Outcome<ArchivedOpinion> Get(Caller caller, string reviewId)
    {
        var review = reviews.Get(caller, reviewId);
        return review.Succeeded ? Archive(review.Value!) : review.Error!;
    }

    /// <summary>Archives the opinion of a review's latest outcome, unless it is archived already.</summary>
    /// <param name="review">The review.</param>
    /// <returns>The opinion and its archived PDF, or why not.</returns>
    public Outcome<ArchivedOpinion> Archive(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var entries = store.ReviewEntries(review.Id);
        if (review.Outcome is null || entries.LastOrDefault(e => e.Type == OutcomeEntry) is not { } decided)
        {
            return ReviewErrors.OpinionNotGiven(review.Id);
        }

        var document = Document(review, decided);
        if (Archived(entries, decided) is { } archived)
        {
            return new ArchivedOpinion(document, archived.Sha256, archived.Size, archived.Entry);
        }

        byte[] pdf;
        try
        {
            pdf = renderer.Render(document, decided.At);
        }
        catch (OpinionRenderingException exception)
        {
            return ReviewErrors.OpinionNotRendered(exception.Message);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        files.KeepBytes(sha256, pdf.Length, new MemoryStream(pdf, writable: false));
        var at = clock.GetUtcNow();
        var data = new JsonObject
        {
            ["reviewId"] = review.Id,
            ["outcomeSequence"] = decided.Sequence,
            ["number"] = document.Number,
            ["sha256"] = sha256,
            ["size"] = pdf.Length,
        };

        // One archive per outcome: the key makes a second instance's append (with other bytes, were the PDF to differ) a no-op.
        var key = new IdempotencyRecord("opinion", Actor.System.Id, $"{review.Id}:{decided.Sequence}", CanonicalJson.Hash(document.Number), sha256);
        var outcome = store.Append(new AppendBatch(
            at, [new PendingEntry(OpinionDocument.ArchivedEntry, review.Id, review.Department, Actor.System, CanonicalJson.Serialize(data))],
            Idempotency: key, File: new StoredFile(sha256, pdf.Length, "application/pdf", at, Actor.System.Id)));
        if (outcome.Status == AppendStatus.IdempotencyConflict && Archived(store.ReviewEntries(review.Id), decided) is { } first)
        {
            return new ArchivedOpinion(document, first.Sha256, first.Size, first.Entry);
        }

        return new ArchivedOpinion(document, sha256, pdf.Length, outcome.Entries[0]);
    }

    /// <summary>Archives the opinion of an outcome just recorded, so that it is in the case file whether or not anyone reads it.
    /// The outcome stands whatever happens here: a failure (the fonts missing, the store unreachable a moment) is returned, and
    /// the opinion is archived when it is first asked for instead.</summary>
    /// <param name="review">The review, as the change left it; without an outcome in force (an opinion waiting for the head's
    /// confirmation, or sent back) there is nothing to archive.</param>
    /// <returns>Why it was not archived now, or null.</returns>
    public string? ArchiveAfterOutcome(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Outcome is null)
        {
            return null;
        }

        try
        {
            var archived = Archive(review);
            return archived.Succeeded ? null : archived.Error!.Message;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The outcome is committed already; whatever went wrong (the store's own kinds of outage included, which the engine
            // does not know by name) must not turn its answer into a failure. The opinion is archived when first read.
            return exception.Message;
        }
    }

    // The text of the opinion of one outcome: the catalogue in force on its day names the department, the facts and the
    // numbering; the number is the outcome's place among the department's outcomes of its year, in chain order.
    private OpinionDocument Document(Review review, AuditEntry decided)
    {
        var day = options.LocalDay(decided.At);
        var versions = reviews.Catalogues.VersionsOf(review.Department);
        var catalogue = (versions.LastOrDefault(c => c.Catalogue.InForceOn(day))
            ?? versions.FirstOrDefault(c => c.Catalogue.Version == review.Submission.Catalogue.Version))?.Catalogue;
        var place = store.CountOutcomes(review.Department, OpinionDocument.YearStart(decided.At, options.TimeZone), decided.Sequence) + 1;
        return OpinionDocument.Of(review, catalogue, decided, place, options.TimeZone);
    }

    // The entry that archived the opinion of an outcome, with the PDF it names, or null.
    private static (string Sha256, long Size, AuditEntry Entry)? Archived(IReadOnlyList<AuditEntry> entries, AuditEntry decided)
    {
        foreach (var entry in entries.Where(e => e.Type == OpinionDocument.ArchivedEntry))
        {
            var data = JsonNode.Parse(entry.Data)!;
            if ((long?)data["outcomeSequence"] == decided.Sequence)
            {
                return ((string)data["sha256"]!, (long)data["size"]!, entry);
            }
        }

        return null;
    }
}

/// <summary>A review opinion with its archived PDF.</summary>
/// <param name="Document">The opinion's text.</param>
/// <param name="Sha256">The PDF's SHA-256, as kept in the case file.</param>
/// <param name="Size">The PDF's size.</param>
/// <param name="Entry">The record entry that archived it.</param>
public sealed record ArchivedOpinion(OpinionDocument Document, string Sha256, long Size, AuditEntry Entry);

/// <summary>The opinion could not be laid out as a PDF on this machine.</summary>
public sealed class OpinionRenderingException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="OpinionRenderingException"/> class.</summary>
    /// <param name="message">Why, in Chinese.</param>
    /// <param name="inner">The cause, or null.</param>
    public OpinionRenderingException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
