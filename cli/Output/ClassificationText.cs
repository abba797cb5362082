using System.Text;
using Fashen.Engine.Classification;

namespace Fashen.Cli.Output;

/// <summary>Writes a classification for people to read in a terminal.</summary>
internal static class ClassificationText
{
    public static string Write(ClassificationResult result, bool noCalendar)
    {
        var b = new StringBuilder();
        var catalogue = result.Catalogue;
        b.Append("案件 ").Append(result.CaseId).Append('\n');
        b.Append("目录：").Append(catalogue.Name).Append(' ').Append(catalogue.Version)
            .Append("（").Append(catalogue.Id).Append("，自 ").Append(Formatting.Date(catalogue.EffectiveFrom)).Append(" 施行")
            .Append(catalogue.EffectiveTo is { } to ? $"至 {Formatting.Date(to)}" : string.Empty).Append("，")
            .Append(catalogue.Revision[..Math.Min(catalogue.Revision.Length, 19)]).Append('…')
            .Append(catalogue.Commit is { } commit ? $"，提交 {commit[..12]}" : string.Empty).Append("）\n");
        if (catalogue.ChosenBy is { } chosenBy)
        {
            b.Append("版本：").Append(chosenBy).Append("选用\n");
        }

        b.Append("结论：").Append(result.Kind.ToChinese()).Append("（").Append(result.Kind.ToWire()).Append("）\n");
        b.Append(result.Summary).Append('\n');

        if (result.Violations.Count > 0)
        {
            b.Append("\n不符合的法定形式：\n");
            foreach (var violation in result.Violations)
            {
                b.Append("  ").Append(violation.FormId).Append(' ').Append(violation.Title).Append('\n');
                b.Append("    理由：").Append(violation.Explanation).Append('\n');
                b.Append("    依据：").Append(violation.Law ?? string.Join("；", violation.Basis)).Append('\n');
            }
        }

        if (result.Forms.Count > 0)
        {
            b.Append("\n符合的法定形式：\n");
            foreach (var form in result.Forms)
            {
                b.Append("  ").Append(form.Id).Append(' ').Append(form.Title).Append("（").Append(form.Citation).Append("）\n");
            }
        }

        if (result.MatchedRules.Count > 0)
        {
            b.Append("\n命中的目录条目：\n");
            foreach (var rule in result.MatchedRules)
            {
                b.Append("  ").Append(rule.Id).Append(' ').Append(rule.Title).Append('\n');
                b.Append("    理由：").Append(rule.Explanation).Append('\n');
                b.Append("    依据：").Append(string.Join("；", rule.Basis)).Append('\n');
            }
        }

        if (result.MissingFacts.Count > 0)
        {
            b.Append("\n缺少的事实：\n");
            foreach (var fact in result.MissingFacts)
            {
                b.Append("  ").Append(fact.Label).Append("（").Append(fact.Key).Append("）：影响 ").Append(string.Join("、", fact.RuleIds)).Append('\n');
            }
        }

        if (result.Checklist.Count > 0)
        {
            b.Append("\n审核要点：\n");
            for (var i = 0; i < result.Checklist.Count; i++)
            {
                var item = result.Checklist[i];
                b.Append("  ").Append(i + 1).Append(". ").Append(item.Title).Append("：").Append(item.Question);
                b.Append(item.Source == Engine.Catalogues.StatutoryReviewPoints.Source ? string.Empty : $"（{item.Source}）").Append('\n');
            }
        }

        if (result.Materials.Count > 0)
        {
            b.Append("\n送审材料：\n");
            foreach (var material in result.Materials)
            {
                b.Append("  - ").Append(material).Append('\n');
            }
        }

        if (result.Deadline is { } deadline)
        {
            b.Append("\n审核时限：").Append(deadline.WorkingDays).Append(" 个工作日，材料齐备日 ")
                .Append(Formatting.Date(deadline.MaterialsCompleteOn)).Append("，自 ").Append(Formatting.Date(deadline.StartsOn))
                .Append(" 起算，截止 ").Append(Formatting.Date(deadline.DueDate)).Append(deadline.ProvisionalReason is null ? string.Empty : "（暂定）");
            b.Append(deadline.ExtensionWorkingDays > 0 ? $"；经负责人批准可延长一次，不超过 {deadline.ExtensionWorkingDays} 个工作日" : "；不得延长").Append('\n');
        }
        else if (result.Kind == ClassificationKind.Major && noCalendar)
        {
            b.Append("\n审核时限：未找到节假日安排（holidays.yaml），无法计算截止日期。\n");
        }

        if (result.NearMisses.Count > 0)
        {
            b.Append("\n接近但未命中的条目：\n");
            foreach (var miss in result.NearMisses)
            {
                b.Append("  ").Append(miss.Id).Append(' ').Append(miss.Title).Append('\n');
                b.Append("    未满足：").Append(string.Join("；", miss.Failed)).Append('\n');
                b.Append("    命中需要：").Append(string.Join("；", miss.ToMatch)).Append('\n');
            }
        }

        return b.ToString();
    }
}
