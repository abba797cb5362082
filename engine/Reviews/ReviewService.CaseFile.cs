using Fashen.Engine.Documents;

namespace Fashen.Engine.Reviews;

/// <summary>The case file as reviewers add to it: scans of what was received on paper.</summary>
public sealed partial class ReviewService
{
    /// <summary>The longest material name and file name a scan is added under.</summary>
    public const int MaxPaperNameLength = 255;

    /// <summary>Adds to a review's case file a scanned document received on paper. The scan is stored first (by
    /// <see cref="CaseFiles.Store"/>); the entry names its material, hash and pages. It joins the case file, not the approved
    /// digest: the approval covers what the case system submitted, which is what it issues with and can name.</summary>
    /// <param name="caller">A reviewer of the department.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="version">The version the reviewer saw.</param>
    /// <param name="material">The material it is (e.g. 证据材料).</param>
    /// <param name="sha256">The scan's SHA-256, stored before.</param>
    /// <param name="fileName">Its name, for display.</param>
    /// <param name="pages">How many paper pages it scans, or null.</param>
    /// <returns>The review, or why not.</returns>
    public Outcome<Review> AddPaperDocument(Caller caller, string reviewId, long version, string material, string sha256, string fileName, int? pages)
    {
        var open = Open(caller, reviewId, version, Role.Reviewer, "添加纸质材料扫描件");
        if (!open.Succeeded)
        {
            return open;
        }

        material = material.Trim();
        fileName = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        if (material.Length is 0 or > MaxPaperNameLength || fileName.Length is 0 or > MaxPaperNameLength)
        {
            return ReviewErrors.PaperDocumentInvalid($"材料名称和文件名各应为 1 至 {MaxPaperNameLength} 个字");
        }

        if (pages is < 1 or > MaterialResolution.MaxPages)
        {
            return ReviewErrors.PaperDocumentInvalid($"页数应为 1 至 {MaterialResolution.MaxPages}，或不填");
        }

        // Only a scan this reviewer stored: naming another's file would let it be read through this review.
        if (StoredBy(caller, sha256) is not { } file)
        {
            return ReviewErrors.FileNotFound(sha256);
        }

        if (file.ContentType is not ("application/pdf" or "application/ofd") && !file.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            return ReviewErrors.PaperDocumentInvalid($"扫描件应为 PDF、OFD 或图像，这个文件是 {file.ContentType}");
        }

        return Commit(open.Value!, version, caller.Actor, [new PaperDocumentAdded(material, file.Sha256, fileName, file.Size, file.ContentType, pages)]);
    }

    // A file whose bytes are kept and that this caller stored (or stored again), or null: a case file names only such files,
    // since naming another's would let it be read through the review.
    private Documents.StoredFile? StoredBy(Caller caller, string sha256) =>
        _files?.FindFile(sha256) is { Held: true } file && _files.Holds(sha256, caller.Actor.Id) ? file : null;
}
