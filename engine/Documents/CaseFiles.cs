using System.Text.Json.Nodes;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Documents;

/// <summary>The files of case files: stored once per SHA-256 with an entry in the record saying who stored it, registered
/// when the bytes stay in another system, and read with an entry saying who read it (全过程留痕).</summary>
/// <param name="record">The record.</param>
/// <param name="files">Where the bytes and the files' records are kept.</param>
/// <param name="clock">The clock.</param>
public sealed class CaseFiles(IReviewStore record, IFileStore files, TimeProvider clock)
{
    /// <summary>The entry recording a file stored or registered.</summary>
    public const string StoredEntry = "file.stored";

    /// <summary>The entry recording that someone else sent the bytes of a file kept before (or registered it again).</summary>
    public const string HeldEntry = "file.held";

    /// <summary>The entry recording a file read.</summary>
    public const string ReadEntry = "file.read";

    /// <summary>Stores a file whose bytes were received, hashed and found to be of an accepted kind.</summary>
    /// <param name="caller">Who stores it: a case system, a reviewer adding a document received on paper, or a reviewer or head
    /// adding the minutes of the heads' collective discussion.</param>
    /// <param name="sha256">The bytes' SHA-256.</param>
    /// <param name="size">Their size.</param>
    /// <param name="contentType">The content type found in them.</param>
    /// <param name="content">The bytes, seekable.</param>
    /// <returns>The file's record and whether this call stored it (false: the same bytes were held before).</returns>
    public Outcome<(StoredFile File, bool Created)> Store(Caller caller, string sha256, long size, string contentType, Stream content)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsCaseSystem && !caller.Has(Role.Reviewer) && !caller.Has(Role.Head))
        {
            return ReviewErrors.RoleRequired("上传案卷材料", "案件系统、法制审核人员或负责人");
        }

        if (files.FindFile(sha256) is { } held)
        {
            // The bytes were received and hashed: this caller has them, and may name the file from now on.
            return (Hold(caller, held), false);
        }

        // The bytes first, durably; then the entry, with the file's record: a file is known only once the record says so.
        files.KeepBytes(sha256, size, content);
        return Record(caller, new StoredFile(sha256, size, contentType, clock.GetUtcNow(), caller.Actor.Id));
    }

    /// <summary>Registers a recording whose bytes stay in another system, by its hash, size, duration and location.</summary>
    /// <param name="caller">A case system.</param>
    /// <param name="sha256">The recording's SHA-256, as that system computed it.</param>
    /// <param name="size">Its size.</param>
    /// <param name="contentType">Its content type (audio or video).</param>
    /// <param name="recording">Where it is and how long.</param>
    /// <returns>The file's record and whether this call registered it.</returns>
    public Outcome<(StoredFile File, bool Created)> Register(Caller caller, string sha256, long size, string contentType, ExternalRecording recording)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsCaseSystem)
        {
            return ReviewErrors.RoleRequired("登记执法记录仪录像", "案件系统");
        }

        return files.FindFile(sha256) is { } held
            ? (Hold(caller, held), false)
            : Record(caller, new StoredFile(sha256, size, contentType, clock.GetUtcNow(), caller.Actor.Id, recording));
    }

    /// <summary>Finds a file's record for a caller who may read it.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="sha256">The SHA-256.</param>
    /// <returns>The record.</returns>
    public Outcome<StoredFile> Find(Caller caller, string sha256) =>
        files.FindFile(sha256) is { } file && MayRead(caller, file) ? file : ReviewErrors.FileNotFound(sha256);

    /// <summary>Tells whether a request for a file is an opening of it, to be recorded: one without a range, or the range from
    /// its start. A player asks for many ranges of one recording; only the first is an opening.</summary>
    /// <param name="range">The request's Range header, or empty.</param>
    /// <returns>True when it is an opening.</returns>
    public static bool IsOpening(string? range) =>
        string.IsNullOrEmpty(range) || range.StartsWith("bytes=0-", StringComparison.Ordinal);

    /// <summary>Lists the documents of a review's case file: those submitted with the decision, the scans of paper documents
    /// reviewers added, and the review opinions archived as PDFs (<see cref="Opinions.OpinionDocument.ArchivedEntry"/>).</summary>
    /// <param name="review">The review.</param>
    /// <returns>The documents, submitted first.</returns>
    public IReadOnlyList<SubmittedDocument> InReview(Review review) => InReview(review, record.ReviewEntries(review.Id));

    /// <summary>Lists the documents of a review's case file from its record entries, as read already (the review page reads
    /// them for the history).</summary>
    /// <param name="review">The review.</param>
    /// <param name="entries">The review's record entries.</param>
    /// <returns>The documents, submitted first.</returns>
    public static IReadOnlyList<SubmittedDocument> InReview(Review review, IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(review);
        return [.. Own(review), .. ArchivedOpinions(entries)];
    }

    /// <summary>Opens a file of a review's case file for a caller who may see the review (checked by the caller, as
    /// <see cref="ReviewService.Get"/> does), recording that they read it and in which review.</summary>
    /// <param name="caller">Who reads.</param>
    /// <param name="review">The review, as the caller may see it.</param>
    /// <param name="sha256">The SHA-256 of one of its documents.</param>
    /// <param name="recorded">Whether this read is recorded (see <see cref="Open"/>).</param>
    /// <returns>The record, the bytes, and the document as the case file names it.</returns>
    public Outcome<(StoredFile File, Stream Content, SubmittedDocument Document)> OpenInReview(Caller caller, Review review, string sha256, bool recorded = true)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(review);
        // The review's own documents first: a player asks for range after range, and only an opinion needs the entries read.
        var document = Own(review).FirstOrDefault(d => d.Sha256 == sha256)
            ?? ArchivedOpinions(record.ReviewEntries(review.Id)).FirstOrDefault(d => d.Sha256 == sha256);
        if (document is null || files.FindFile(sha256) is not { Held: true } file || files.OpenFile(sha256) is not { } content)
        {
            return ReviewErrors.FileNotFound(sha256);
        }

        if (recorded)
        {
            RecordRead(caller, content, new JsonObject { ["sha256"] = sha256, ["contentType"] = file.ContentType, ["size"] = file.Size, ["reviewId"] = review.Id, ["department"] = review.Department });
        }

        return (file, content, document);
    }

    /// <summary>Opens a held file for a caller who may read it, recording that they read it.</summary>
    /// <param name="caller">Who reads.</param>
    /// <param name="sha256">The SHA-256.</param>
    /// <param name="recorded">Whether this read is recorded: false for the further ranges of one playback, whose first
    /// range was.</param>
    /// <returns>The record and the bytes.</returns>
    public Outcome<(StoredFile File, Stream Content)> Open(Caller caller, string sha256, bool recorded = true)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (files.FindFile(sha256) is not { Held: true } file || !MayRead(caller, file) || files.OpenFile(sha256) is not { } content)
        {
            return ReviewErrors.FileNotFound(sha256);
        }

        if (recorded)
        {
            RecordRead(caller, content, new JsonObject { ["sha256"] = sha256, ["contentType"] = file.ContentType, ["size"] = file.Size });
        }

        return (file, content);
    }

    // A read is given only once it is recorded; the bytes opened for it are let go when the record cannot be written.
    private void RecordRead(Caller caller, Stream content, JsonObject data)
    {
        try
        {
            record.Append(new AppendBatch(clock.GetUtcNow(), [new PendingEntry(ReadEntry, null, null, caller.Actor, CanonicalJson.Serialize(data))]));
        }
        catch
        {
            content.Dispose();
            throw;
        }
    }

    // Outside a review, a file is read by whoever stored it and by administrators.
    // What the review itself holds: the submitted documents and the scans reviewers added.
    private static IEnumerable<SubmittedDocument> Own(Review review) =>
        [.. review.Submission.Documents ?? [], .. review.PaperDocuments.Select(p => p.Document), .. review.Discussions.Select(d => d.Minutes)];

    // The opinions archived as PDFs, as their entries name them.
    private static IEnumerable<SubmittedDocument> ArchivedOpinions(IEnumerable<AuditEntry> entries) =>
        entries.Where(e => e.Type == Opinions.OpinionDocument.ArchivedEntry)
            .Select(e => JsonNode.Parse(e.Data)!)
            .Select(d => new SubmittedDocument(
                Opinions.OpinionDocument.Title, (string)d["sha256"]!, $"{Opinions.OpinionDocument.Title}（{(string)d["number"]!}）.pdf", (long)d["size"]!, "application/pdf"));

    private bool MayRead(Caller caller, StoredFile file) => files.Holds(file.Sha256, caller.Actor.Id) || caller.Has(Role.Admin);

    // A second holder of a file kept before is recorded, once.
    private StoredFile Hold(Caller caller, StoredFile file)
    {
        if (!files.Holds(file.Sha256, caller.Actor.Id))
        {
            record.Append(new AppendBatch(
                clock.GetUtcNow(), [new PendingEntry(HeldEntry, null, null, caller.Actor, CanonicalJson.Serialize(new JsonObject { ["sha256"] = file.Sha256 }))],
                Holder: new FileHolder(file.Sha256, caller.Actor.Id)));
        }

        return file;
    }

    private (StoredFile File, bool Created) Record(Caller caller, StoredFile file)
    {
        var data = new JsonObject { ["sha256"] = file.Sha256, ["size"] = file.Size, ["contentType"] = file.ContentType };
        if (file.External is { } external)
        {
            data["external"] = new JsonObject
            {
                ["system"] = external.System,
                ["location"] = external.Location,
                ["durationSeconds"] = external.Duration.TotalSeconds,
                ["recordedAt"] = external.RecordedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        record.Append(new AppendBatch(file.StoredAt, [new PendingEntry(StoredEntry, null, null, caller.Actor, CanonicalJson.Serialize(data))], File: file));
        return (files.FindFile(file.Sha256) ?? file, true);
    }
}
