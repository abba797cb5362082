using System.Globalization;
using System.Text;
using System.Text.Json;
using Fashen.Api.Contracts;
using Fashen.Cli.Commands;
using Fashen.Engine.Changes;

namespace Fashen.Cli.Output;

/// <summary>What <c>fashen diff</c> found: the changes between two revisions and, when past decisions
/// were given, their impact.</summary>
internal sealed record DiffReport(CatalogueRevision Before, CatalogueRevision After, IReadOnlyList<CatalogueChange> Changes)
{
    public string? DecisionsFile { get; init; }

    public int Unreadable { get; init; }

    public DateOnly? On { get; init; }

    public ImpactReport? Impact { get; init; }

    public static string Name(CatalogueRevision revision) =>
        revision.Commit is { } commit ? $"{revision.Label}（提交 {commit[..7]}）" : revision.Label;
}

/// <summary>Writes the diff report for people: the change summary to sign off, then the decisions affected, by rule.</summary>
internal static class DiffText
{
    public static string Write(DiffReport report, int decisionsPerRule)
    {
        var text = new StringBuilder();
        text.AppendLine($"目录清单变更：{DiffReport.Name(report.Before)} → {DiffReport.Name(report.After)}");
        if (report.Changes.Count == 0)
        {
            text.AppendLine("  两个版本的目录清单内容相同。");
        }

        foreach (var department in report.Changes.GroupBy(c => (c.Department, c.Name)))
        {
            text.AppendLine();
            text.AppendLine($"{department.Key.Department} {department.Key.Name}");
            foreach (var change in department)
            {
                text.AppendLine($"  {change.Heading}");
                foreach (var line in change.Changes)
                {
                    text.AppendLine($"    · {line}");
                }
            }
        }

        if (report.Impact is { } impact)
        {
            WriteImpact(text, report, impact, decisionsPerRule);
        }

        return text.ToString();
    }

    private static void WriteImpact(StringBuilder text, DiffReport report, ImpactReport impact, int decisionsPerRule)
    {
        text.AppendLine();
        var basis = report.On is { } on ? $"均按 {on:yyyy-MM-dd} 施行的版本判定" : "各按其日期适用的版本判定";
        text.AppendLine($"对过往决定的影响（{report.DecisionsFile}：{N(impact.Decisions)} 项决定，{basis}）");
        if (impact.Changed.Count == 0)
        {
            text.AppendLine("  没有任何决定的判定结果或命中条目发生变化。");
            return;
        }

        var sameKind = impact.Changed.Count(c => !c.ClassificationChanged);
        var parts = impact.Transitions.Select(t => $"{t.From} → {t.To} {N(t.Count)} 项").ToList();
        if (sameKind > 0)
        {
            parts.Add($"判定不变而命中条目改变 {N(sameKind)} 项");
        }

        text.AppendLine($"  {N(impact.Decisions - impact.Changed.Count)} 项不变，{N(impact.Changed.Count)} 项改变：{string.Join("；", parts)}。");
        text.AppendLine("  按条目：");
        foreach (var rule in impact.ByRule)
        {
            var name = rule.RuleId.Length == 0 ? $"{rule.Department}（不涉及条目）" : $"{rule.Department} {rule.RuleId} {rule.Title}";
            var counts = rule.RuleId.Length == 0 ? $"{N(rule.Decisions.Count)} 项" : $"不再命中 {N(rule.NoLongerMatched)} 项，新命中 {N(rule.NewlyMatched)} 项";
            text.AppendLine($"    {name}：{counts}");
            foreach (var decision in rule.Decisions.Take(decisionsPerRule))
            {
                text.AppendLine($"      第 {decision.Line} 行 {decision.CaseId}：{decision.Before.Summary} → {decision.After.Summary}");
            }

            if (rule.Decisions.Count > decisionsPerRule)
            {
                text.AppendLine($"      …… 另有 {N(rule.Decisions.Count - decisionsPerRule)} 项（加 --all 列出全部）");
            }
        }
    }

    private static string N(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>Writes the diff report for machines (a CI job that comments on a merge request).</summary>
internal static class DiffJson
{
    public static string Write(DiffReport report)
    {
        var document = new
        {
            Before = new { Revision = report.Before.Label, report.Before.Commit },
            After = new { Revision = report.After.Label, report.After.Commit },
            Changes = report.Changes.Select(c => new
            {
                c.Department,
                c.Name,
                Before = c.Before?.Version,
                After = c.After?.Version,
                c.Heading,
                c.Changes,
            }),
            Impact = report.Impact is not { } impact ? null : new
            {
                File = report.DecisionsFile,
                On = report.On?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                impact.Decisions,
                report.Unreadable,
                Changed = impact.Changed.Count,
                Transitions = impact.Transitions.Select(t => new { t.From, t.To, t.Count }),
                ByRule = impact.ByRule.Select(r => new
                {
                    r.Department,
                    Rule = r.RuleId.Length == 0 ? null : r.RuleId,
                    r.Title,
                    r.NoLongerMatched,
                    r.NewlyMatched,
                    Decisions = r.Decisions.Select(d => new { d.Line, d.CaseId, Before = Outcome(d.Before), After = Outcome(d.After) }),
                }),
            },
        };
        return JsonSerializer.Serialize(document, ReadableJson.Options) + "\n";
    }

    private static object Outcome(DecisionOutcome outcome) => new
    {
        Classification = outcome.Kind is { } kind ? Engine.Classification.ClassificationKinds.ToWire(kind) : null,
        outcome.Rules,
        outcome.Version,
        outcome.Problem,
    };
}
