using System.Globalization;
using System.Text;
using Fashen.Catalogue.Binding;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Facts;
using Fashen.Grammar.Parsing;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Import;

/// <summary>The department a draft is for and where its rows came from.</summary>
/// <param name="DepartmentId">The department's id (scjg).</param>
/// <param name="DepartmentName">The department's full name.</param>
/// <param name="EffectiveFrom">The date the draft says it takes effect from (the day of the import; a person sets the real one).</param>
/// <param name="Source">Where the rows came from, for the draft's heading.</param>
public sealed record ImportTarget(string DepartmentId, string DepartmentName, DateOnly EffectiveFrom, string Source);

/// <summary>A draft catalogue and how each row was read.</summary>
/// <param name="Yaml">The draft catalogue.</param>
/// <param name="Rows">Each row, in order.</param>
public sealed record ImportResult(string Yaml, IReadOnlyList<ImportedRow> Rows)
{
    /// <summary>Gets how many rows were read fully, partly and not at all.</summary>
    public (int Full, int Partial, int None) Counts =>
        (Rows.Count(r => r.Reading == ImportReading.Full), Rows.Count(r => r.Reading == ImportReading.Partial), Rows.Count(r => r.Reading == ImportReading.None));
}

/// <summary>Turns a published catalogue's rows into a draft catalogue: each row's wording kept verbatim as a rule's title, the
/// condition read from it, what could not be read said in comments, and every rule marked <c>draft: true</c> so that lint warns
/// (FS3048) until a person has checked it. Rows with no condition read are kept as comments, so the draft always lints.</summary>
public static class CatalogueImporter
{
    /// <summary>Reads rows into a draft.</summary>
    /// <param name="rows">The rows' wording.</param>
    /// <param name="schema">The fact schema, with its phrase table.</param>
    /// <param name="target">The department and source.</param>
    /// <returns>The draft and the reading of each row.</returns>
    public static ImportResult Import(IReadOnlyList<string> rows, FactSchema schema, ImportTarget target)
    {
        var reader = new RowReader(schema);
        var read = rows.Select(reader.Read).ToList();
        var matters = read.Select(r => r.Matter).OfType<string>().Distinct().ToList();
        var extended = schema.TryGetFact("enforcement_matter", out var matter) && matters.Count > 0
            ? schema.Extend(new Dictionary<FactDefinition, IReadOnlyList<string>> { [matter] = matters })
            : schema;

        // A condition import writes is checked as lint would check it; one that does not bind is not written as a rule.
        read = read.Select(r => r.Condition is { } condition && Check(condition, extended) is { } problem
            ? r with { Condition = null, Reading = ImportReading.None, Unread = [.. r.Unread, $"读出的条件“{condition}”无法通过检查：{problem}"] }
            : r).ToList();
        return new ImportResult(Write(read, matters, target), read);
    }

    private static string? Check(string condition, FactSchema schema)
    {
        var fragment = SourceFragment.Standalone("import", condition);
        var parsed = ConditionParser.Parse(fragment);
        if (parsed.Syntax is null)
        {
            return parsed.Diagnostics[0].Message;
        }

        var bound = ConditionBinder.Bind(parsed.Syntax, fragment, schema, new Dictionary<string, NamedThreshold>());
        return bound.Succeeded ? null : bound.Diagnostics[0].Message;
    }

    private static string Write(List<ImportedRow> rows, List<string> matters, ImportTarget target)
    {
        var full = rows.Count(r => r.Reading == ImportReading.Full);
        var partial = rows.Count(r => r.Reading == ImportReading.Partial);
        var none = rows.Count(r => r.Reading == ImportReading.None);
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"# 由 fashen import 从 {target.Source} 生成的目录清单草稿：共 {rows.Count} 行，完整读取 {full} 行，部分读取 {partial} 行，未能读取 {none} 行。");
        yaml.AppendLine("# 每条规则的标题是原文；条件按常见句式读出，标有 draft: true，须对照原文核对（lint 报 FS3048）。");
        yaml.AppendLine("# 注释“未能读取”列出原文中没有读成条件的部分，“请核对”列出需要人确认的读法；未能读取的行以注释列在最后。");
        yaml.AppendLine("department:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  id: {Quote(target.DepartmentId)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  name: {Quote(target.DepartmentName)}");
        yaml.AppendLine("version: \"draft\"");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"effective_from: {target.EffectiveFrom:yyyy-MM-dd}");
        yaml.AppendLine();
        yaml.AppendLine("defaults:");
        yaml.AppendLine("  # 审核时限：原文未载明；请按本部门的法制审核制度填写。");
        yaml.AppendLine("  deadline: 7 个工作日");
        if (matters.Count > 0)
        {
            yaml.AppendLine();
            yaml.AppendLine("values:");
            yaml.AppendLine("  执法事项:");
            matters.ForEach(m => yaml.AppendLine(CultureInfo.InvariantCulture, $"    - {Quote(m)}"));
        }

        yaml.AppendLine();
        yaml.AppendLine("rules:");
        var number = 0;
        foreach (var row in rows.Where(r => r.Condition is not null))
        {
            number++;
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - id: IMP-{number:00}");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    title: {Quote(row.Title)}");
            yaml.AppendLine("    draft: true");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    actions: [{string.Join(", ", row.Actions.Select(a => a.ToChinese()))}]");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    when: {Quote(row.Condition!)}");
            yaml.AppendLine("    basis: [待补充：原文未载明依据]");
            row.Unread.ToList().ForEach(u => yaml.AppendLine(CultureInfo.InvariantCulture, $"    # 未能读取：{u}"));
            row.Notes.ToList().ForEach(n => yaml.AppendLine(CultureInfo.InvariantCulture, $"    # 请核对：{n}"));
            yaml.AppendLine();
        }

        var unreadRows = rows.Where(r => r.Condition is null).ToList();
        if (unreadRows.Count > 0)
        {
            yaml.AppendLine("  # —— 未能读取的行：请手工写出条件后去掉注释 ——");
            foreach (var row in unreadRows)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  # - title: {Quote(row.Title)}");
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  #   actions: [{string.Join(", ", row.Actions.Select(a => a.ToChinese()))}]");
                row.Unread.ToList().ForEach(u => yaml.AppendLine(CultureInfo.InvariantCulture, $"  #   未能读取：{u}"));
            }
        }

        if (number == 0)
        {
            // A catalogue needs at least one rule to be read at all; this one says so rather than inventing a condition.
            yaml.AppendLine("  []");
        }

        return yaml.ToString();
    }

    // A YAML double-quoted scalar: everything a published cell may hold (colons, #, quotes, brackets) is safe in it.
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\"";
}
