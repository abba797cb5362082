using System.Security.Cryptography;
using System.Text;

namespace Fashen.Engine.Documents;

/// <summary>A file a submission names for one of its materials, as the case system sends it.</summary>
/// <param name="Material">The material it belongs to (e.g. 案件调查终结报告).</param>
/// <param name="Sha256">The file's SHA-256, as uploaded (PUT /v1/files/{sha256}) or registered.</param>
/// <param name="FileName">Its name, for display only.</param>
public sealed record DocumentReference(string Material, string Sha256, string FileName);

/// <summary>A file of a material as the record keeps it with the submission: which bytes, under what name, what kind.</summary>
/// <param name="Material">The material it belongs to.</param>
/// <param name="Sha256">The file's SHA-256.</param>
/// <param name="FileName">Its name, for display only (never a path).</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="ContentType">Its content type, as found in its bytes.</param>
/// <param name="Held">Whether Fashen holds the bytes (false: a recording registered in another system).</param>
public sealed record SubmittedDocument(string Material, string Sha256, string FileName, long Size, string ContentType, bool Held = true);

/// <summary>How a material's files changed from one submission to the next.</summary>
/// <param name="Material">The material.</param>
/// <param name="Change">added, removed or changed.</param>
/// <param name="FileName">The file's name (the new one when changed).</param>
/// <param name="Before">The SHA-256 before, or null when added.</param>
/// <param name="After">The SHA-256 now, or null when removed.</param>
public sealed record DocumentChange(string Material, string Change, string FileName, string? Before, string? After)
{
    /// <summary>Gets the change in Chinese, as the review page and refusals say it.</summary>
    public string Text => Change switch
    {
        "added" => $"材料“{Material}”新增文件“{FileName}”",
        "removed" => $"材料“{Material}”删除文件“{FileName}”",
        _ => $"材料“{Material}”的文件更换为“{FileName}”（SHA-256 {After?[..12]}…，原为 {Before?[..12]}…）",
    };
}

/// <summary>The documents of a submission taken together: their digest, which the approval covers with the decision's, and
/// what changed between two submissions.</summary>
public static class SubmittedDocuments
{
    /// <summary>The digest of a submission's documents: each material with the SHA-256 of each of its files, in order of
    /// material and hash (file names are for display and do not count); null when there are none.</summary>
    /// <param name="documents">The documents.</param>
    /// <returns>The digest, "sha256:…", or null.</returns>
    public static string? Digest(IReadOnlyList<SubmittedDocument>? documents) =>
        Digest(documents?.Select(d => (d.Material, d.Sha256)));

    /// <summary>The digest of the documents a case system states when it asks to issue a decision, computed as for a
    /// submission (<see cref="Digest(IReadOnlyList{SubmittedDocument}?)"/>), so the two can be compared.</summary>
    /// <param name="references">The files named for the materials.</param>
    /// <returns>The digest, "sha256:…", or null when there are none.</returns>
    public static string? Digest(IReadOnlyList<DocumentReference>? references) =>
        Digest(references?.Select(d => (d.Material, d.Sha256)));

    private static string? Digest(IEnumerable<(string Material, string Sha256)>? files)
    {
        var lines = (files ?? []).Select(d => $"{d.Material}\t{d.Sha256}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return lines.Count == 0 ? null : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }

    /// <summary>What changed between two submissions' documents, material by material. A material whose one file was
    /// replaced by another one is "changed"; otherwise files are added or removed.</summary>
    /// <param name="before">The documents before.</param>
    /// <param name="after">The documents now.</param>
    /// <returns>The changes, by material then file name.</returns>
    public static IReadOnlyList<DocumentChange> Changes(IReadOnlyList<SubmittedDocument>? before, IReadOnlyList<SubmittedDocument>? after)
    {
        before ??= [];
        after ??= [];
        var changes = new List<DocumentChange>();
        foreach (var material in before.Select(d => d.Material).Concat(after.Select(d => d.Material)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var was = before.Where(d => d.Material == material).ToList();
            var now = after.Where(d => d.Material == material).ToList();
            var removed = was.Where(w => now.All(n => n.Sha256 != w.Sha256)).ToList();
            var added = now.Where(n => was.All(w => w.Sha256 != n.Sha256)).ToList();
            if (removed.Count == 1 && added.Count == 1)
            {
                changes.Add(new DocumentChange(material, "changed", added[0].FileName, removed[0].Sha256, added[0].Sha256));
                continue;
            }

            changes.AddRange(removed.Select(r => new DocumentChange(material, "removed", r.FileName, r.Sha256, null)));
            changes.AddRange(added.Select(a => new DocumentChange(material, "added", a.FileName, null, a.Sha256)));
        }

        return changes;
    }
}
