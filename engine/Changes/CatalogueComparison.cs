using Fashen.Engine.Catalogues;
using Fashen.Engine.Conditions;

namespace Fashen.Engine.Changes;

/// <summary>The changes to one catalogue version between two revisions, in plain Chinese.</summary>
/// <param name="Department">The department id.</param>
/// <param name="Name">The catalogue's name.</param>
/// <param name="Before">The version compared from, or null when the version is new.</param>
/// <param name="After">The version compared to, or null when the version was removed.</param>
/// <param name="Heading">What happened to the version, in one line.</param>
/// <param name="Changes">Each change, one sentence each, in catalogue order.</param>
public sealed record CatalogueChange(
    string Department, string Name, Catalogue? Before, Catalogue? After, string Heading, IReadOnlyList<string> Changes);

/// <summary>Compares two revisions of a set of catalogues and says what changed, rule by rule, for the
/// legal office to read and sign off before a change is merged or published.</summary>
public static class CatalogueComparison
{
    /// <summary>Compares every catalogue version of two revisions.</summary>
    /// <param name="before">The catalogues of the old revision.</param>
    /// <param name="after">The catalogues of the new revision.</param>
    /// <returns>A change per version added, removed or changed, by department then effective date; empty when nothing changed.</returns>
    public static IReadOnlyList<CatalogueChange> Compare(IEnumerable<Catalogue> before, IEnumerable<Catalogue> after)
    {
        var old = before.ToList();
        var now = after.ToList();
        var changes = new List<CatalogueChange>();
        foreach (var department in old.Concat(now).Select(c => c.Id).Distinct().Order(StringComparer.Ordinal))
        {
            var oldVersions = old.Where(c => c.Id == department).OrderBy(c => c.EffectiveFrom).ToList();
            var newVersions = now.Where(c => c.Id == department).OrderBy(c => c.EffectiveFrom).ToList();
            foreach (var version in newVersions)
            {
                if (oldVersions.FirstOrDefault(c => c.Version == version.Version) is { } same)
                {
                    if (Describe(same, version) is { Count: > 0 } lines)
                    {
                        changes.Add(new(department, version.Name, same, version, $"{version.Version}（{version.Period}）修改", lines));
                    }

                    continue;
                }

                // A new version is read against the version it follows, which is what the legal office changed.
                var previous = oldVersions.LastOrDefault(c => c.EffectiveFrom <= version.EffectiveFrom) ?? oldVersions.LastOrDefault();
                var heading = previous is null
                    ? $"新增目录 {version.Version}（{version.Period}），共 {version.Rules.Count} 个条目"
                    : $"新增版本 {version.Version}（{version.Period}），与 {previous.Version} 相比";
                var changed = previous is null ? version.Rules.Select(r => $"条目 {r.Id} {r.Title}：{ConditionWording.Describe(r.Condition)}。").ToList() : Describe(previous, version);
                changes.Add(new(department, version.Name, previous, version, heading, changed));
            }

            foreach (var removed in oldVersions.Where(o => newVersions.All(n => n.Version != o.Version)))
            {
                changes.Add(new(department, removed.Name, removed, null, $"删除版本 {removed.Version}（{removed.Period}）", []));
            }
        }

        return changes;
    }

    /// <summary>Says what changed between two versions of one catalogue.</summary>
    /// <param name="before">The old version.</param>
    /// <param name="after">The new version.</param>
    /// <returns>One sentence per change; empty when they mean the same.</returns>
    public static List<string> Describe(Catalogue before, Catalogue after)
    {
        var lines = new List<string>();
        Changed(lines, "名称", before.Name, after.Name);
        Changed(lines, "施行期间", before.Period, after.Period);
        Changed(lines, "适用版本所依据的日期", before.GoverningDate.ToChinese(), after.GoverningDate.ToChinese());
        Changed(lines, "上级基准目录", before.Extends ?? "无", after.Extends ?? "无");
        Changed(lines, "默认审核时限", $"{before.Defaults.DeadlineWorkingDays} 个工作日", $"{after.Defaults.DeadlineWorkingDays} 个工作日");
        Changed(lines, "可延长期限", $"{before.Defaults.ExtensionWorkingDays} 个工作日", $"{after.Defaults.ExtensionWorkingDays} 个工作日");
        Changed(lines, "审核意见的确认", SignOff(before.Defaults), SignOff(after.Defaults));
        Listed(lines, "须报送的材料", before.Defaults.Materials, after.Defaults.Materials);
        Listed(lines, "审核要点", before.Defaults.ReviewPoints.Select(p => p.Title), after.Defaults.ReviewPoints.Select(p => p.Title));
        Thresholds(lines, before, after);
        foreach (var rule in after.Rules)
        {
            if (before.Rules.FirstOrDefault(r => r.Id == rule.Id) is not { } old)
            {
                lines.Add($"新增条目 {rule.Id} {rule.Title}：{ConditionWording.Describe(rule.Condition)}。");
            }
            else
            {
                RuleChanges(lines, old, rule, before.Defaults, after.Defaults);
            }
        }

        lines.AddRange(before.Rules.Where(r => after.Rules.All(n => n.Id != r.Id)).Select(r => $"删除条目 {r.Id} {r.Title}。"));
        return lines;
    }

    private static void Thresholds(List<string> lines, Catalogue before, Catalogue after)
    {
        foreach (var threshold in after.Thresholds)
        {
            if (before.Thresholds.FirstOrDefault(t => t.Name == threshold.Name) is not { } old)
            {
                lines.Add($"新增阈值“{threshold.Name}”：{threshold.Text}。");
                continue;
            }

            if (old.Value == threshold.Value)
            {
                continue;
            }

            var (effect, rule, _) = ThresholdChange.Judge(after.Rules, threshold.Name, old.Value, threshold.Value);
            var meaning = effect switch
            {
                ThresholdEffect.Stricter => $"，条目 {rule} 等的适用范围扩大（从严）",
                ThresholdEffect.Looser => $"，条目 {rule} 等的适用范围缩小（放宽）",
                ThresholdEffect.Different => $"，条目 {rule} 等的标准随之改变",
                _ => string.Empty,
            };
            var direction = threshold.Value > old.Value ? "提高" : "降低";
            lines.Add($"阈值“{threshold.Name}”由 {old.Text} {direction}为 {threshold.Text}{meaning}。");
        }

        lines.AddRange(before.Thresholds.Where(t => after.Thresholds.All(n => n.Name != t.Name)).Select(t => $"删除阈值“{t.Name}”（原为 {t.Text}）。"));
    }

    private static void RuleChanges(List<string> lines, Rule before, Rule after, CatalogueDefaults oldDefaults, CatalogueDefaults newDefaults)
    {
        var at = $"条目 {after.Id}";
        Changed(lines, $"{at} 的名称", before.Title, after.Title);
        var oldWording = ConditionWording.Describe(before.Condition);
        var newWording = ConditionWording.Describe(after.Condition);

        // A condition that reads differently only because a named threshold changed is told once, as the threshold.
        if (oldWording != newWording && before.ConditionText != after.ConditionText)
        {
            lines.Add($"{at} 的条件改为：{newWording}（原为：{oldWording}）。");
        }

        Changed(lines, $"{at} 适用的执法行为", Join(before.Actions.Select(a => a.ToChinese())), Join(after.Actions.Select(a => a.ToChinese())));
        Listed(lines, $"{at} 的依据", before.Basis, after.Basis);
        Changed(
            lines,
            $"{at} 的审核时限",
            $"{before.DeadlineWorkingDays ?? oldDefaults.DeadlineWorkingDays} 个工作日",
            $"{after.DeadlineWorkingDays ?? newDefaults.DeadlineWorkingDays} 个工作日");
        Listed(lines, $"{at} 的审核要点", before.Checklist.Select(c => c.Title), after.Checklist.Select(c => c.Title));
        Listed(lines, $"{at} 须报送的材料", before.Materials, after.Materials);
        if (before.RequiresCounselOpinion != after.RequiresCounselOpinion)
        {
            lines.Add(after.RequiresCounselOpinion ? $"{at} 改为须听取法律顾问、公职律师意见。" : $"{at} 不再要求听取法律顾问、公职律师意见。");
        }

        if (before.RequiresCollectiveDiscussion != after.RequiresCollectiveDiscussion)
        {
            lines.Add(after.RequiresCollectiveDiscussion ? $"{at} 改为作出决定前须经负责人集体讨论。" : $"{at} 不再要求负责人集体讨论。");
        }
    }

    private static string SignOff(CatalogueDefaults defaults) => defaults.HeadConfirmation ? "须经法制机构负责人确认" : "审核人员作出即生效";

    private static void Changed(List<string> lines, string what, string before, string after)
    {
        if (before != after)
        {
            lines.Add($"{what}由“{before}”改为“{after}”。");
        }
    }

    private static void Listed(List<string> lines, string what, IEnumerable<string> before, IEnumerable<string> after)
    {
        var old = before.ToList();
        var now = after.ToList();
        var added = now.Except(old).ToList();
        var removed = old.Except(now).ToList();
        if (added.Count > 0)
        {
            lines.Add($"{what}增加：{Join(added)}。");
        }

        if (removed.Count > 0)
        {
            lines.Add($"{what}删去：{Join(removed)}。");
        }
    }

    private static string Join(IEnumerable<string> items) => string.Join("、", items);
}
