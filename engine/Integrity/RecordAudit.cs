using System.Text.Json;
using Fashen.Engine.Permits;
using Fashen.Engine.Records;
using Fashen.Engine.Reviews;

namespace Fashen.Engine.Integrity;

/// <summary>Verifies the whole record and what the store derives from it: the hash chain, every review's state as its
/// entries make it against the store's index of reviews, and every permit kept against the record of its issue. The CLI
/// (<c>fashen audit verify</c>) and the API (<c>GET /v1/record/verification</c>) both run this.</summary>
/// <remarks>
/// The chain is verified up to the head read before it, so that entries appended while it runs are not mistaken for
/// tampering; the entries after that head are then checked to chain on from it and to end at or before the head read
/// after them (an entry beyond the stored head was added behind Fashen's back). A review whose index and entries differ
/// is read again before it is reported, since the two may be read either side of an append.
/// </remarks>
public static class RecordAudit
{
    private const int Attempts = 3;

    /// <summary>Runs the verification.</summary>
    /// <param name="store">The store.</param>
    /// <param name="anchors">Anchors kept outside Fashen.</param>
    /// <returns>The outcome.</returns>
    public static RecordAuditResult Run(IReviewStore store, IReadOnlyCollection<ChainAnchor>? anchors = null)
    {
        var seen = new RecordObservation();
        var head = store.Head();
        var upTo = head?.Sequence ?? 0;
        var chain = AuditChain.Verify(seen.Watch(store.ReadAll().TakeWhile(e => e.Sequence <= upTo)), head, anchors);
        if (chain.Valid)
        {
            chain = TailProblem(store, chain, seen) ?? chain;
        }

        // What was walked: up to the head read first, and the entries appended while the chain was verified. The index,
        // permits and alerts are compared with that, read after it.
        var walked = seen.LastSequence;
        var discrepancies = new List<RecordDiscrepancy>();
        CompareReviews(store, seen, chain.Valid ? walked : null, discrepancies);
        ComparePermits(store, seen, discrepancies);
        ComparePublications(store, seen, discrepancies);
        if (chain.Valid)
        {
            CompareAlerts(store, seen, walked, discrepancies);
        }

        return new RecordAuditResult(chain, discrepancies);
    }

    // The entries appended after the head the chain was verified to.
    private static ChainVerification? TailProblem(IReviewStore store, ChainVerification verified, RecordObservation seen)
    {
        var last = new RecordHead(verified.EntriesVerified, verified.Head ?? AuditChain.Genesis);
        foreach (var entry in seen.Watch(store.ReadAll(last.Sequence)))
        {
            if (entry.Sequence != last.Sequence + 1 || entry.PreviousHash != last.Hash || AuditChain.ComputeHash(entry) != entry.Hash)
            {
                return ChainVerification.Broken(last.Sequence + 1, $"第 {last.Sequence + 1} 条记录与第 {last.Sequence} 条记录接不上：记录被插入、删除或改动过。");
            }

            last = new RecordHead(entry.Sequence, entry.Hash);
        }

        var now = store.Head();
        if (last.Sequence > (now?.Sequence ?? 0))
        {
            return ChainVerification.Broken((now?.Sequence ?? 0) + 1, $"第 {(now?.Sequence ?? 0) + 1} 至 {last.Sequence} 条记录在保存的链头之后，是绕过本系统加入的。");
        }

        if (now is not null && now.Sequence == last.Sequence && now.Hash != last.Hash)
        {
            return ChainVerification.Broken(last.Sequence, $"第 {last.Sequence} 条记录与保存的链头不符：末尾的记录被替换过。");
        }

        return last.Sequence == verified.EntriesVerified ? null : verified with { EntriesVerified = last.Sequence, Head = last.Hash };
    }

    // Every review in the index against its entries, and every review in the record against the index.
    private static void CompareReviews(IReviewStore store, RecordObservation seen, long? walkedUpTo, List<RecordDiscrepancy> discrepancies)
    {
        var indexed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stored in store.ReviewIndex())
        {
            indexed.Add(stored.ReviewId);
            if (ReviewProblem(store, stored, seen, walkedUpTo) is { } problem)
            {
                discrepancies.Add(new RecordDiscrepancy(stored.ReviewId, null, problem));
            }
        }

        // Only a whole walk of the record knows every review in it.
        if (walkedUpTo is null)
        {
            return;
        }

        foreach (var reviewId in seen.ReviewEvents.Keys.Where(id => !indexed.Contains(id)).Order(StringComparer.Ordinal))
        {
            if (store.FindReviewIndex(reviewId) is null)
            {
                discrepancies.Add(new RecordDiscrepancy(reviewId, null, $"记录中有审核 {reviewId}，存储的审核索引中却没有：索引中的这一审核被删除过，关卡和审核队列看不到它。"));
            }
        }
    }

    private static string? ReviewProblem(IReviewStore store, ReviewIndexEntry stored, RecordObservation seen, long? walkedUpTo)
    {
        string? problem = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (attempt > 0)
            {
                stored = store.FindReviewIndex(stored.ReviewId) ?? stored;
            }

            var entries = store.ReviewEntries(stored.ReviewId);
            problem = Differences(stored, entries, seen, walkedUpTo);
            if (problem is null)
            {
                return null;
            }
        }

        return problem;
    }

    private static string? Differences(ReviewIndexEntry stored, IReadOnlyList<AuditEntry> entries, RecordObservation seen, long? walkedUpTo)
    {
        var id = stored.ReviewId;
        var events = entries.Where(e => ReviewEventSerializer.IsReviewEvent(e.Type)).ToList();
        if (events.Count == 0)
        {
            return $"存储的审核索引中有审核 {id}，记录中却没有它的任何记录：索引被伪造过。";
        }

        if (walkedUpTo is { } upTo && events.Count(e => e.Sequence <= upTo) != seen.ReviewEvents.GetValueOrDefault(id))
        {
            return $"按审核编号查得的审核 {id} 的记录条数与逐条校验时数得的不同：记录或其索引被改动过。";
        }

        Review review;
        try
        {
            review = Review.Replay(events.Select(e => (e, ReviewEventSerializer.Deserialize(e.Type, e.Data))));
        }
        catch (Exception exception) when (exception is JsonException or InvalidCastException or NotSupportedException)
        {
            return $"审核 {id} 的记录无法读取（{exception.GetType().Name}）。";
        }

        var differences = IndexDifferences(review.ToIndexEntry(), stored);
        return differences.Count == 0
            ? null
            : $"存储的审核索引与记录不符：{string.Join("；", differences)}。审核的状态以记录为准，索引被改动过。";
    }

    // Each field of the index as the record makes it and as stored.
    private static List<string> IndexDifferences(ReviewIndexEntry record, ReviewIndexEntry stored)
    {
        var differences = new List<string>();
        void Compare<T>(string label, T fromRecord, T inStore, Func<T, string>? show = null)
        {
            if (!EqualityComparer<T>.Default.Equals(fromRecord, inStore))
            {
                show ??= v => v?.ToString() ?? "无";
                differences.Add($"{label}在记录中为“{show(fromRecord)}”，存储为“{show(inStore)}”");
            }
        }

        Compare("部门", record.Department, stored.Department);
        Compare("案件编号", record.CaseId, stored.CaseId);
        Compare("执法行为", record.Action, stored.Action);
        Compare("状态", record.State, stored.State, s => s.ToChinese());
        Compare("计时", record.Running, stored.Running, r => r ? "计时中" : "暂停");
        Compare("截止日期", record.DueDate, stored.DueDate, d => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "无");
        Compare("版本", record.Version, stored.Version);
        Compare("报送时间", record.SubmittedAt, stored.SubmittedAt, Timestamp);
        Compare("更新时间", record.UpdatedAt, stored.UpdatedAt, Timestamp);
        Compare("审核人员", record.ReviewerId, stored.ReviewerId);
        Compare("审核人员姓名", record.ReviewerName, stored.ReviewerName);
        Compare("决定摘要", record.Digest, stored.Digest);
        Compare("标题", record.Title, stored.Title);
        Compare("当事人", record.Party, stored.Party);
        Compare("案由", record.Cause, stored.Cause);
        Compare("待法律顾问意见", record.CounselPending, stored.CounselPending);
        Compare("待批准延长", record.ExtensionPending, stored.ExtensionPending);
        return differences;
    }

    private static string Timestamp(DateTimeOffset at) => at.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    // Every permit kept against the record of its issue, and every permit issued against those kept.
    private static void ComparePermits(IReviewStore store, RecordObservation seen, List<RecordDiscrepancy> discrepancies)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var unexplained = new List<StoredPermit>();
        foreach (var permit in store.Permits())
        {
            kept.Add(permit.Id);
            if (!seen.Permits.ContainsKey(permit.Id))
            {
                unexplained.Add(permit);
            }
            else if (PermitProblem(permit, seen.Permits[permit.Id]) is { } problem)
            {
                discrepancies.Add(new RecordDiscrepancy(permit.Claims.ReviewId, permit.Id, problem));
            }
        }

        // Permits issued after the record was read: read the entries since, once.
        if (unexplained.Count > 0)
        {
            foreach (var _ in seen.Watch(store.ReadAll(seen.LastSequence)))
            {
            }
        }

        foreach (var permit in unexplained)
        {
            var problem = seen.Permits.TryGetValue(permit.Id, out var issued)
                ? PermitProblem(permit, issued)
                : $"存储中有许可凭证 {permit.Id}（案件 {permit.Claims.CaseId}），记录中却没有签发它的记录：许可凭证被伪造过。";
            if (problem is not null)
            {
                discrepancies.Add(new RecordDiscrepancy(permit.Claims.ReviewId, permit.Id, problem));
            }
        }

        foreach (var (permitId, issued) in seen.Permits.Where(p => !kept.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (store.FindPermit(permitId) is null)
            {
                discrepancies.Add(new RecordDiscrepancy(issued.ReviewId, permitId, $"记录中签发了许可凭证 {permitId}（案件 {issued.CaseId}），存储中却没有：许可凭证被删除过，核验时会被当作无效。"));
            }
        }
    }

    // Every publication kept against its entries: state, version and the text published, which the public site shows. One
    // that moved on while the record was read is compared again with the entries since.
    private static void ComparePublications(IReviewStore store, RecordObservation seen, List<RecordDiscrepancy> discrepancies)
    {
        var kept = store.Publications.Publications(new Publication.PublicationQuery(null, null, null, int.MaxValue));
        if (kept.Any(p => !seen.Publications.TryGetValue(p.Id, out var observed) || observed.Version < p.Version))
        {
            foreach (var _ in seen.Watch(store.ReadAll(seen.LastSequence)))
            {
            }
        }

        foreach (var publication in kept)
        {
            var problem = !seen.Publications.TryGetValue(publication.Id, out var observed)
                ? $"存储中有公开信息 {publication.Id}（{publication.DocumentNumber}），记录中却没有报告它的记录：公开信息被伪造过。"
                : observed.State != publication.State || observed.Version != publication.Version
                ? $"存储中的公开信息 {publication.Id}（{publication.DocumentNumber}）为第 {publication.Version} 版，记录中为第 {observed.Version} 版（状态也须相同）：公开信息被改动过。"
                : observed.Published != (publication.Content["published"] is { } published ? CanonicalJson.Serialize(published) : null)
                ? $"存储中公开信息 {publication.Id}（{publication.DocumentNumber}）公开的文本与记录中审核公开的不同：公开的文本被改动过，可能泄露个人信息。"
                : null;
            if (problem is not null)
            {
                discrepancies.Add(new RecordDiscrepancy(null, null, problem, publication.Id));
            }
        }

        var ids = kept.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in seen.Publications.Keys.Where(id => !ids.Contains(id)).Order(StringComparer.Ordinal))
        {
            discrepancies.Add(new RecordDiscrepancy(null, null, $"记录中报告了公开信息 {missing}，存储中却没有：公开信息被删除过。", missing));
        }
    }

    // Every alert in the record is listed for admins, and nothing else is.
    private static void CompareAlerts(IReviewStore store, RecordObservation seen, long walkedUpTo, List<RecordDiscrepancy> discrepancies)
    {
        var listed = store.Alerts(int.MaxValue);
        foreach (var entry in listed.Where(e => !e.Type.StartsWith("alert.", StringComparison.Ordinal)))
        {
            discrepancies.Add(new RecordDiscrepancy(entry.ReviewId, null, $"存储的预警列表中有第 {entry.Sequence} 条记录，它却不是预警：预警列表被改动过。"));
        }

        var shown = listed.Select(e => e.Sequence).ToHashSet();
        foreach (var sequence in seen.Alerts.Where(s => s <= walkedUpTo && !shown.Contains(s)).Order())
        {
            discrepancies.Add(new RecordDiscrepancy(null, null, $"第 {sequence} 条记录是预警，存储的预警列表中却没有它：预警被删除过，管理员看不到它。"));
        }
    }

    private static string? PermitProblem(StoredPermit permit, IssuedPermit issued) =>
        permit.Claims.CaseId == issued.CaseId && permit.Claims.DecisionDigest == issued.Digest && permit.Claims.ReviewId == issued.ReviewId
            && permit.Claims.DocumentsDigest == issued.DocumentsDigest
            ? null
            : $"存储中的许可凭证 {permit.Id} 与记录中签发时的内容不符（案件、决定摘要、文件摘要或审核）：许可凭证被改动过。";
}

/// <summary>The outcome of verifying the record and what is derived from it.</summary>
/// <param name="Chain">The hash chain's verification.</param>
/// <param name="Discrepancies">Where what the store derives from the record differs from what the record says.</param>
public sealed record RecordAuditResult(ChainVerification Chain, IReadOnlyList<RecordDiscrepancy> Discrepancies)
{
    /// <summary>Gets a value indicating whether the chain is intact and everything derived from it agrees with it.</summary>
    public bool Valid => Chain.Valid && Discrepancies.Count == 0;
}

/// <summary>A difference between the record and what the store derives from it, which only tampering makes.</summary>
/// <param name="ReviewId">The review concerned, or null.</param>
/// <param name="PermitId">The permit concerned, or null.</param>
/// <param name="Problem">What differs, in Chinese.</param>
/// <param name="PublicationId">The publication concerned, or null.</param>
public sealed record RecordDiscrepancy(string? ReviewId, string? PermitId, string Problem, string? PublicationId = null);
