using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Fashen.Catalogue.Binding;
using Fashen.Catalogue.Diagnostics;
using Fashen.Catalogue.Yaml;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Changes;
using Fashen.Engine.Classification;
using Fashen.Engine.Conditions;
using Fashen.Engine.Decisions;
using Fashen.Engine.Facts;
using Fashen.Engine.Opinions;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Parsing;
using Fashen.Grammar.Syntax;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Loading;

/// <summary>Reads one department's catalogue file into a validated <see cref="Engine.Catalogues.Catalogue"/>,
/// reporting every problem in the file at once.</summary>
public static partial class CatalogueReader
{
    private static readonly string[] RootKeys =
        ["department", "version", "effective_from", "effective_to", "governing_date", "extends", "baseline", "drop", "schema", "statute", "standards", "defaults", "values", "thresholds", "forms", "rules", "tests"];
    private static readonly string[] DepartmentKeys = ["id", "name", "opinion_number"];
    private static readonly string[] DefaultsKeys = ["deadline", "extension", "review_points", "materials", "head_confirmation"];
    private static readonly string[] RuleKeys = ["id", "title", "actions", "when", "basis", "checklist", "materials", "deadline", "counsel_opinion", "collective_discussion", "note", "draft"];
    private static readonly string[] TestKeys = ["name", "decision", "expect"];
    private static readonly string[] TestDecisionKeys = ["case_id", "action", "procedure", "proposed_on", "facts"];
    private static readonly string[] ExpectKeys = ["classification", "rules", "missing", "forms"];
    private static readonly string[] JudgementKeys = ["raised", "raised_by", "reason"];

    /// <summary>Gets the keys each kind of mapping in a catalogue file allows, for the JSON Schema editors use
    /// (docs/catalogue.schema.json), which a test keeps in step with this reader.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Keys { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["catalogue"] = RootKeys,
        ["department"] = DepartmentKeys,
        ["defaults"] = DefaultsKeys,
        ["rule"] = RuleKeys,
        ["form"] = Statute.FormReader.DepartmentKeys,
        ["test"] = TestKeys,
        ["test.decision"] = TestDecisionKeys,
        ["test.expect"] = ExpectKeys,
        ["judgement"] = JudgementKeys,
    };

    /// <summary>Tells whether a YAML root looks like a catalogue (it has a department).</summary>
    /// <param name="root">The root node.</param>
    /// <returns>True for a catalogue.</returns>
    public static bool IsCatalogue(YamlNode? root) => root is YamlMapping m && m.Get("department") is not null;

    /// <summary>Reads the parent a catalogue names (<c>extends</c>), before the catalogue itself is read.</summary>
    /// <param name="root">The file's root node.</param>
    /// <returns>The parent's id and where it is named, or null.</returns>
    public static (string Id, SourceSpan Span)? ParentOf(YamlMapping root) =>
        root.Get("extends") is YamlScalar { IsNull: false } parent ? (parent.Value.Trim(), parent.Span) : null;

    /// <summary>Reads a catalogue's department id and first day in force, before the catalogue itself is read.</summary>
    /// <param name="root">The file's root node.</param>
    /// <returns>The id and date, when both are written readably.</returns>
    public static (string Id, DateOnly EffectiveFrom)? Identity(YamlMapping root) =>
        (root.Get("department") as YamlMapping)?.Get("id") is YamlScalar id
        && root.Get("effective_from") is YamlScalar date
        && DateOnly.TryParseExact(date.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            ? (id.Value.Trim(), from)
            : null;

    /// <summary>Reads a catalogue.</summary>
    /// <param name="root">The file's root node, from <see cref="YamlTreeReader"/>.</param>
    /// <param name="schema">The fact schema the catalogue is written against.</param>
    /// <param name="parent">The parent catalogue it builds on (<c>extends</c>), already read; null for none.</param>
    /// <param name="statute">The national baseline the catalogue stands on; null only where no forms are wanted (tests of
    /// the reader itself).</param>
    /// <returns>The catalogue, or every diagnostic found; warnings may come with a catalogue.</returns>
    /// <remarks>A catalogue that extends a parent inherits the parent's rules, named thresholds and (unless it
    /// gives its own) defaults. It may add rules and make thresholds stricter; the inherited rules then use
    /// the stricter values. Loosening the parent — raising a threshold that makes decisions major, or
    /// dropping a rule — is an error.</remarks>
    /// <param name="standards">The standards above the department it names (<c>standards</c>), already read; null or empty for none.</param>
    public static Result<Engine.Catalogues.Catalogue> Read(
        YamlMapping root, FactSchema schema, Engine.Catalogues.Catalogue? parent = null, Statute.StatuteFile? statute = null,
        IReadOnlyList<Standards.StandardsFile>? standards = null)
    {
        standards ??= [];
        var diagnostics = new List<Diagnostic>();
        var reader = new MappingReader(root, RootKeys, diagnostics);
        var source = root.Source;

        string? departmentId = null, departmentName = null;
        OpinionNumberTemplate? opinionNumber = null;
        if (reader.Map("department", required: true, "部门：id 与 name") is { } department)
        {
            var departmentReader = new MappingReader(department, DepartmentKeys, diagnostics);
            departmentId = Id(departmentReader, "id", "部门编号，如 scjg", diagnostics);
            departmentName = departmentReader.Text("name", required: true, "部门全称");
            if (departmentReader.Scalar("opinion_number", required: false, "审核意见书的文号模板，如 桓市监法审〔{年}〕{号}号") is { } template)
            {
                opinionNumber = OpinionNumberTemplate.Parse(template.Value, out var problem);
                if (problem is not null)
                {
                    diagnostics.Add(CatalogueDiagnostics.BadOpinionNumber(template.Span, problem));
                }
            }
        }

        var version = reader.Text("version", required: true, "目录版本号，如 2026.1");
        var effectiveFrom = Date(reader.Scalar("effective_from", required: true, "施行日期，如 2026-01-01"), diagnostics);
        var effectiveToNode = reader.Scalar("effective_to", required: false, "废止日期（最后一天施行的日期）");
        var effectiveTo = Date(effectiveToNode, diagnostics);
        if (effectiveFrom is { } from && effectiveTo is { } to && to < from)
        {
            diagnostics.Add(CatalogueDiagnostics.EffectiveToBeforeFrom(effectiveToNode!.Span, Formatting.Date(from), Formatting.Date(to)));
        }

        var governing = GoverningDate.ProposedOn;
        if (reader.Scalar("governing_date", required: false, "选用版本依据的日期：proposed_on 或 filed_on") is { } governingNode
            && !GoverningDates.TryParse(governingNode.Value, out governing))
        {
            diagnostics.Add(CatalogueDiagnostics.UnknownGoverningDate(governingNode.Span, governingNode.Value));
        }

        reader.Scalar("extends", required: false, "上级目录清单的编号");
        reader.Scalar("schema", required: false, "事实表的位置");
        reader.Scalar("statute", required: false, "全国法定基准的位置");
        reader.TextList("standards", required: false, "采用的上级标准（名称）", nonEmpty: true);
        var baseline = Boolean(reader.Scalar("baseline", required: false, "是否仅作为下级目录的基准"), "baseline", diagnostics);
        var sharedDeadline = standards.Min(s => s.DeadlineWorkingDays);
        var defaults = parent is not null && root.Get("defaults") is null ? parent.Defaults : ReadDefaults(reader, diagnostics, sharedDeadline);

        // The parent's schema already carries the parent's own values; the child adds its own on top.
        var extendedSchema = ReadValueExtensions(reader, parent?.Schema ?? schema, diagnostics);
        var misdeclared = new HashSet<string>(StringComparer.Ordinal);
        var thresholds = ReadThresholds(reader, extendedSchema, diagnostics, misdeclared);
        var shared = standards.SelectMany(s => s.Thresholds).GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var sharedNames = shared.Keys.ToList();
        foreach (var (name, threshold) in shared.Where(t => !thresholds.ContainsKey(t.Key)).ToList())
        {
            // A shared amount is used under its own name, as if the catalogue had written it; one of the catalogue's own replaces it.
            thresholds[name] = threshold;
        }

        var rules = ReadRules(reader, extendedSchema, Inherited(parent, thresholds), misdeclared, diagnostics);
        if (parent is not null)
        {
            rules = Inherit(reader, parent, thresholds, rules, diagnostics);
            foreach (var (name, threshold) in parent.Thresholds.Where(t => !thresholds.ContainsKey(t.Name)).Select(t => (t.Name, t)))
            {
                thresholds[name] = threshold;
            }
        }

        CheckSharedNotLoosened(standards, thresholds, rules, diagnostics);
        var ownForms = reader.Sequence("forms", required: false, "本部门的法定形式", "列表（每项一个法定形式，以“- id:”开头）");
        var forms = statute is null
            ? parent?.Forms ?? []
            : Statute.StandingForms.Assemble(statute, ownForms, parent, extendedSchema, Inherited(parent, thresholds), departmentName ?? departmentId ?? "本部门", diagnostics);

        var tests = departmentId is null
            ? []
            : ReadTests(reader, extendedSchema, departmentId, rules, DeclaredRuleIds(root, parent), diagnostics);

        if (diagnostics.Any(d => d.IsError) || departmentId is null || departmentName is null || version is null
            || effectiveFrom is null || defaults is null)
        {
            return Result<Engine.Catalogues.Catalogue>.Failure(diagnostics);
        }

        // The revision names exactly what classifies: this file, its schema, and the parent it builds on.
        var revision = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            source.Text + "\n" + schema.Source.ContentHash + "\n" + (parent?.Revision ?? string.Empty) + "\n" + (statute?.Reference.Revision ?? string.Empty)
            + string.Concat(standards.Select(s => "\n" + s.Revision)))));
        var catalogue = new Engine.Catalogues.Catalogue(
            departmentId, departmentName, version, effectiveFrom.Value, defaults, thresholds.Values.ToList(), rules, tests,
            extendedSchema, revision, SourceSpan.FileOnly(source.Path), effectiveTo, governing, parent?.Id, Baseline: baseline,
            Forms: forms, Statute: statute?.Reference ?? parent?.Statute, OpinionNumber: opinionNumber);
        return Result<Engine.Catalogues.Catalogue>.Success(catalogue, diagnostics);
    }

    // A catalogue's own value for a shared amount may only make its rules stricter: 较大数额 set by the province is a floor for
    // every department, not a suggestion.
    private static void CheckSharedNotLoosened(
        IReadOnlyList<Standards.StandardsFile> standards, Dictionary<string, NamedThreshold> thresholds, List<Rule> rules, List<Diagnostic> diagnostics)
    {
        foreach (var file in standards)
        {
            foreach (var before in file.Thresholds)
            {
                if (thresholds.TryGetValue(before.Name, out var own) && !ReferenceEquals(own, before)
                    && Loosening(rules, "条目", before.Name, before.Value, own.Value) is { } why)
                {
                    diagnostics.Add(CatalogueDiagnostics.SharedThresholdLoosened(own.Span, before.Name, $"{file.Name} {file.Version}", before.Text, own.Text, why));
                }
            }
        }
    }

    // The thresholds the catalogue's own rules see: the parent's, with this catalogue's in their place.
    private static Dictionary<string, NamedThreshold> Inherited(Engine.Catalogues.Catalogue? parent, Dictionary<string, NamedThreshold> own)
    {
        var merged = parent?.Thresholds.ToDictionary(t => t.Name, StringComparer.Ordinal) ?? new Dictionary<string, NamedThreshold>(StringComparer.Ordinal);
        foreach (var (name, threshold) in own)
        {
            merged[name] = threshold;
        }

        return merged;
    }

    // The parent's rules, carried over with this catalogue's (stricter) thresholds, before the catalogue's own.
    private static List<Rule> Inherit(
        MappingReader reader, Engine.Catalogues.Catalogue parent, Dictionary<string, NamedThreshold> own, List<Rule> rules, List<Diagnostic> diagnostics)
    {
        var parentName = $"{parent.Name} {parent.Version}";
        foreach (var (name, threshold) in own)
        {
            if (parent.Thresholds.FirstOrDefault(t => t.Name == name) is { } before && Loosening(parent.Rules, "上级条目", name, before.Value, threshold.Value) is { } why)
            {
                diagnostics.Add(CatalogueDiagnostics.ThresholdLoosened(threshold.Span, name, before.Text, threshold.Text, why));
            }
        }

        foreach (var rule in rules.Where(r => parent.Rules.Any(p => p.Id == r.Id)))
        {
            diagnostics.Add(CatalogueDiagnostics.ParentRuleRedefined(rule.Span, rule.Id, parentName));
        }

        foreach (var dropped in reader.TextList("drop", required: false, "删除的上级条目", nonEmpty: false) ?? [])
        {
            diagnostics.Add(CatalogueDiagnostics.ParentRuleDropped(dropped.Span, dropped.Value.Trim(), parentName));
        }

        var merged = Inherited(parent, own);
        return parent.Rules.Select(r => r with { Condition = WithThresholds(r.Condition, merged) })
            .Concat(rules.Where(r => !parent.Rules.Any(p => p.Id == r.Id)))
            .ToList();
    }

    // Why a new value for a threshold loosens the rules that use it, or null when it does not: the parent's rules (上级条目) for
    // a parent's threshold, the catalogue's own (条目) for a shared standard's.
    private static string? Loosening(IEnumerable<Rule> rules, string whose, string name, decimal before, decimal after) =>
        ThresholdChange.Judge(rules, name, before, after) switch
        {
            (ThresholdEffect.Looser, var rule, ComparisonOperator.GreaterOrEqual or ComparisonOperator.Greater) =>
                $"{whose} {rule} 以“达到该数额即属重大”使用它，调高即放宽。",
            (ThresholdEffect.Looser, var rule, _) => $"{whose} {rule} 以“不超过该数额即属重大”使用它，调低即放宽。",
            (ThresholdEffect.Different, var rule, _) => $"{whose} {rule} 以等于该数额使用它，改动即改变了上级的标准。",
            _ => null,
        };

    // A condition with its named thresholds taken from another set: the child's values for inherited rules.
    private static Condition WithThresholds(Condition condition, IReadOnlyDictionary<string, NamedThreshold> thresholds) => condition switch
    {
        AllCondition all => all with { Operands = all.Operands.Select(o => WithThresholds(o, thresholds)).ToList() },
        AnyCondition any => any with { Operands = any.Operands.Select(o => WithThresholds(o, thresholds)).ToList() },
        NotCondition not => not with { Operand = WithThresholds(not.Operand, thresholds) },
        AmountComparison c when c.ThresholdName is { } name && thresholds.TryGetValue(name, out var t) => c with { Threshold = t.Value },
        CombinedComparison c when c.ThresholdName is { } name && thresholds.TryGetValue(name, out var t) => c with { Threshold = t.Value },
        _ => condition,
    };

    // A deadline set above the department (standards) stands when the catalogue gives none, and may be shortened, not lengthened.
    private static CatalogueDefaults? ReadDefaults(MappingReader reader, List<Diagnostic> diagnostics, int? sharedDeadline)
    {
        if (reader.Map("defaults", required: sharedDeadline is null, "默认审核时限（deadline）等") is not { } defaults)
        {
            return sharedDeadline is { } days ? new CatalogueDefaults(days, 0, StatutoryReviewPoints.Default, []) : null;
        }

        var defaultsReader = new MappingReader(defaults, DefaultsKeys, diagnostics);
        var deadlineNode = defaultsReader.Scalar("deadline", required: sharedDeadline is null, "审核时限，如“7 个工作日”");
        var deadline = WorkingDays(deadlineNode, allowZero: false, diagnostics) ?? sharedDeadline;
        if (deadlineNode is not null && deadline > sharedDeadline)
        {
            diagnostics.Add(CatalogueDiagnostics.SharedDeadlineLengthened(deadlineNode.Span, deadline.Value, sharedDeadline!.Value));
        }

        var extension = WorkingDays(defaultsReader.Scalar("extension", required: false, "可延长的工作日数"), allowZero: true, diagnostics) ?? 0;
        var points = defaultsReader.Node("review_points", required: false, "审核要点") is { } pointsNode
            ? Checklist(pointsNode, StatutoryReviewPoints.Source, "review_points", diagnostics)
            : StatutoryReviewPoints.Default;
        var materials = Texts(defaultsReader.TextList("materials", required: false, "每次送审都要提交的材料", nonEmpty: false));
        var confirmation = Boolean(defaultsReader.Scalar("head_confirmation", required: false, "审核意见是否须经法制机构负责人确认"), "head_confirmation", diagnostics);
        return deadline is null ? null : new CatalogueDefaults(deadline.Value, extension, points, materials, confirmation);
    }

    // A catalogue may add values to extensible facts (its own 执法事项, for example).
    private static FactSchema ReadValueExtensions(MappingReader reader, FactSchema schema, List<Diagnostic> diagnostics)
    {
        if (reader.Map("values", required: false, "为可扩展事实补充的取值") is not { } values)
        {
            return schema;
        }

        var extensions = new Dictionary<FactDefinition, IReadOnlyList<string>>();
        foreach (var (factNode, listNode) in values.Entries)
        {
            if (!schema.TryGetFact(factNode.Value, out var fact))
            {
                var suggestion = schema.Suggest(factNode.Value);
                diagnostics.Add(CatalogueDiagnostics.UnknownFact(factNode.Span, factNode.Value, suggestion is null ? string.Empty : $"是否想写“{suggestion.Label}”（{suggestion.Key}）？"));
                continue;
            }

            if (!fact.Extensible)
            {
                diagnostics.Add(CatalogueDiagnostics.FactNotExtensible(factNode.Span, fact.ToString()));
                continue;
            }

            var items = MappingReader.ScalarItems(listNode, factNode.Value, nonEmpty: true, diagnostics) ?? [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items.Where(i => !seen.Add(i.Value.Trim()) || fact.TryGetValue(i.Value.Trim(), out _)))
            {
                diagnostics.Add(CatalogueDiagnostics.DuplicateValue(item.Span, item.Value.Trim(), fact.Key));
            }

            if (fact.Type == FactType.Set && fact.Values.Count + seen.Count > Schema.FactSchemaLoader.MaxSetValues)
            {
                diagnostics.Add(CatalogueDiagnostics.TooManySetValues(factNode.Span, fact.Key, fact.Values.Count + seen.Count, Schema.FactSchemaLoader.MaxSetValues));
            }

            extensions[fact] = items.Select(i => i.Value.Trim()).Distinct().ToList();
        }

        return schema.Extend(extensions);
    }

    // Names declared with a value that is not an amount go to misdeclared: the value's diagnostic is
    // the one to fix, so conditions that use the name are not also told it is undefined.
    internal static Dictionary<string, NamedThreshold> ReadThresholds(
        MappingReader reader, FactSchema schema, List<Diagnostic> diagnostics, HashSet<string> misdeclared)
    {
        var thresholds = new Dictionary<string, NamedThreshold>(StringComparer.Ordinal);
        if (reader.Map("thresholds", required: false, "命名阈值：名称: 数额") is not { } map)
        {
            return thresholds;
        }

        foreach (var (nameNode, valueNode) in map.Entries)
        {
            var name = nameNode.Value.Trim();
            if (Names.IsKeyword(name))
            {
                diagnostics.Add(CatalogueDiagnostics.NameIsKeyword(nameNode.Span, name));
                continue;
            }

            if (!Names.IsConditionName(name))
            {
                diagnostics.Add(CatalogueDiagnostics.NameNotWritable(nameNode.Span, name));
                continue;
            }

            if (schema.TryGetFact(name, out var fact))
            {
                diagnostics.Add(CatalogueDiagnostics.ThresholdNameClash(nameNode.Span, name, $"事实“{fact}”"));
                continue;
            }

            if (valueNode is not YamlScalar scalar || !AmountLiteral.TryParse(scalar.Value, out var value, out var unit))
            {
                diagnostics.Add(CatalogueDiagnostics.InvalidThresholdValue(valueNode.Span, name, (valueNode as YamlScalar)?.Value ?? valueNode.KindName));
                misdeclared.Add(name);
                continue;
            }

            if (unit != Grammar.Syntax.AmountUnit.None && value.Scale > 2)
            {
                diagnostics.Add(CatalogueDiagnostics.MoneyTooPrecise(valueNode.Span, scalar.Value));
                misdeclared.Add(name);
                continue;
            }

            thresholds[name] = new NamedThreshold(name, value, unit != Grammar.Syntax.AmountUnit.None, scalar.Value.Trim(), nameNode.Span);
        }

        return thresholds;
    }

    private static List<Rule> ReadRules(
        MappingReader reader, FactSchema schema, Dictionary<string, NamedThreshold> thresholds, IReadOnlySet<string> misdeclared, List<Diagnostic> diagnostics)
    {
        var rules = new List<Rule>();
        if (reader.Sequence("rules", required: true, "目录条目", "列表（每项一条规则，以“- id:”开头）") is not { } sequence)
        {
            return rules;
        }

        if (sequence.Items.Count == 0)
        {
            diagnostics.Add(CatalogueDiagnostics.EmptyList(sequence.Span, "rules"));
        }

        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping mapping)
            {
                diagnostics.Add(CatalogueDiagnostics.WrongShape(item.Span, "rules", "映射（id、title、actions、when、basis 等）", item.KindName));
                continue;
            }

            var ruleReader = new MappingReader(mapping, RuleKeys, diagnostics);
            var errors = diagnostics.Count(d => d.IsError);
            var id = Id(ruleReader, "id", "规则编号，如 SC-P-01", diagnostics);
            if (id is not null)
            {
                var idNode = mapping.Get("id")!;
                if (firstLines.TryGetValue(id, out var firstLine))
                {
                    diagnostics.Add(CatalogueDiagnostics.DuplicateRuleId(idNode.Span, id, firstLine));
                }
                else
                {
                    firstLines[id] = idNode.Span.Line;
                }
            }

            var title = ruleReader.Text("title", required: true, "目录原文表述");
            var actions = Actions(ruleReader, schema, diagnostics);
            var when = ruleReader.Scalar("when", required: true, "条件，如“罚款金额 5万元以上”");
            var condition = when is null ? null : Condition(when, schema, thresholds, misdeclared, diagnostics);
            var basis = Texts(ruleReader.TextList("basis", required: true, "法律依据，如“《行政处罚法》第五十八条”", nonEmpty: true));
            var checklist = id is not null && ruleReader.Node("checklist", required: false, "本条目增加的审核要点") is { } checklistNode
                ? Checklist(checklistNode, id, "checklist", diagnostics)
                : [];
            var materials = Texts(ruleReader.TextList("materials", required: false, "本条目增加的送审材料", nonEmpty: false));
            var deadline = WorkingDays(ruleReader.Scalar("deadline", required: false, "本条目的审核时限"), allowZero: false, diagnostics);
            var counsel = Boolean(ruleReader.Scalar("counsel_opinion", required: false, "同意前是否须听取法律顾问意见"), "counsel_opinion", diagnostics);
            var discussion = Boolean(ruleReader.Scalar("collective_discussion", required: false, "作出决定前是否须经负责人集体讨论"), "collective_discussion", diagnostics);
            ruleReader.Text("note", required: false, "备注");
            if (Boolean(ruleReader.Scalar("draft", required: false, "导入的草稿，核对后删去"), "draft", diagnostics) && id is not null)
            {
                diagnostics.Add(CatalogueDiagnostics.DraftRule(mapping.Get("draft")!.Span, id));
            }

            if (diagnostics.Count(d => d.IsError) == errors && id is not null && title is not null && condition is not null)
            {
                rules.Add(new Rule(id, title, actions, condition, when!.Value.Trim(), basis, checklist, materials, deadline, mapping.Entries[0].Key.Span, counsel, discussion));
            }
        }

        return rules;
    }

    internal static Condition? Condition(
        YamlScalar when, FactSchema schema, Dictionary<string, NamedThreshold> thresholds, IReadOnlySet<string> misdeclared, List<Diagnostic> diagnostics)
    {
        var fragment = ScalarFragments.For(when);
        var parsed = ConditionParser.Parse(fragment);
        diagnostics.AddRange(parsed.Diagnostics);
        if (parsed.Syntax is null)
        {
            return null;
        }

        var bound = ConditionBinder.Bind(parsed.Syntax, fragment, schema, thresholds, misdeclared);
        diagnostics.AddRange(bound.Diagnostics);
        return bound.Value;
    }

    internal static List<ActionKind> Actions(MappingReader reader, FactSchema schema, List<Diagnostic> diagnostics)
    {
        var actions = new List<ActionKind>();
        foreach (var node in reader.TextList("actions", required: true, $"适用的执法行为类别：{schema.ActionList}", nonEmpty: true) ?? [])
        {
            if (!schema.TryGetAction(node.Value.Trim(), out var kind))
            {
                var closest = schema.SuggestAction(node.Value.Trim());
                diagnostics.Add(CatalogueDiagnostics.UnknownActionKind(node.Span, node.Value, schema.ActionList, closest)
                    with { Fix = closest is null ? null : new DiagnosticFix(node.Span, closest) });
            }
            else if (!actions.Contains(kind))
            {
                actions.Add(kind);
            }
        }

        return actions;
    }

    // Ids of every rule written, also those with errors, so a test naming one is not reported twice; and the parent's.
    private static HashSet<string> DeclaredRuleIds(YamlMapping root, Engine.Catalogues.Catalogue? parent) =>
        ((root.Get("rules") as YamlSequence)?.Items.OfType<YamlMapping>()
            .Select(r => (r.Get("id") as YamlScalar)?.Value.Trim())
            .OfType<string>() ?? [])
            .Concat(parent?.Rules.Select(r => r.Id) ?? [])
            .ToHashSet(StringComparer.Ordinal);

    private static List<CatalogueTestCase> ReadTests(
        MappingReader reader, FactSchema schema, string department, List<Rule> rules, HashSet<string> declared, List<Diagnostic> diagnostics)
    {
        var tests = new List<CatalogueTestCase>();
        if (reader.Sequence("tests", required: false, "测试用例", "列表（每项一个测试用例，以“- name:”开头）") is not { } sequence)
        {
            return tests;
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping mapping)
            {
                diagnostics.Add(CatalogueDiagnostics.WrongShape(item.Span, "tests", "映射（name、decision、expect）", item.KindName));
                continue;
            }

            var testReader = new MappingReader(mapping, TestKeys, diagnostics);
            var name = testReader.Text("name", required: true, "用例名称");
            if (name is not null)
            {
                var nameSpan = mapping.Get("name")!.Span;
                if (names.TryGetValue(name, out var firstLine))
                {
                    diagnostics.Add(CatalogueDiagnostics.DuplicateTestName(nameSpan, name, firstLine));
                }
                else
                {
                    names[name] = nameSpan.Line;
                }
            }

            var decision = testReader.Map("decision", required: true, "被测的决定：action、procedure、facts") is { } decisionNode
                ? TestDecision(decisionNode, name ?? "test", department, schema, diagnostics)
                : null;
            var expectation = testReader.Map("expect", required: true, "期望的结论：classification、rules") is { } expectNode
                ? Expectation(expectNode, schema, rules, declared, decision, diagnostics)
                : null;
            if (name is not null && decision is not null && expectation is not null)
            {
                tests.Add(new CatalogueTestCase(name, decision, expectation, mapping.Entries[0].Key.Span));
            }
        }

        return tests;
    }

    private static BoundDecision? TestDecision(YamlMapping mapping, string name, string department, FactSchema schema, List<Diagnostic> diagnostics)
    {
        var reader = new MappingReader(mapping, TestDecisionKeys, diagnostics);
        DecisionField? Field(string key, string meaning) =>
            reader.Scalar(key, required: false, meaning) is { } s ? new DecisionField(s.Value, s.Span) : null;

        var facts = new List<FactInput>();
        if (reader.Map("facts", required: false, "事实") is { } factsNode)
        {
            foreach (var (key, value) in factsNode.Entries)
            {
                if (RawFrom(value, diagnostics) is { } raw)
                {
                    facts.Add(new FactInput(key.Value, key.Span, raw));
                }
            }
        }

        var action = Field("action", "执法行为类别");
        if (action is null)
        {
            reader.Node("action", required: true, $"执法行为类别：{schema.ActionList}");
            return null;
        }

        // A test case may leave out what every test of the catalogue shares: its department,
        // the ordinary procedure, and a case id (the test's name).
        var decision = new Decision(
            Field("case_id", "案件编号") ?? new DecisionField(name, mapping.Span),
            new DecisionField(department, mapping.Span),
            action,
            Field("procedure", "程序") ?? new DecisionField("一般程序", mapping.Span),
            Field("proposed_on", "拟作出决定的日期"),
            facts,
            mapping.Span);

        var bound = DecisionBinder.Bind(decision, schema);
        diagnostics.AddRange(bound.Diagnostics);
        return bound.Value;
    }

    // YAML values of test decisions, read like JSON values: plain true/false and numbers are typed,
    // anything quoted is text, a mapping is a judgement flag.
    private static RawValue? RawFrom(YamlNode node, List<Diagnostic> diagnostics)
    {
        switch (node)
        {
            case YamlScalar { IsNull: true }:
                return new RawNull(node.Span);
            case YamlScalar { IsPlain: true } plain when plain.Value is "true" or "false":
                return new RawBoolean(plain.Value == "true", node.Span);
            case YamlScalar { IsPlain: true } plain when decimal.TryParse(plain.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number):
                return new RawNumber(number, plain.Value, node.Span);
            case YamlScalar scalar:
                return new RawText(scalar.Value, node.Span);
            case YamlSequence sequence:
                return new RawList(sequence.Items.Select(i => RawFrom(i, diagnostics)).OfType<RawValue>().ToList(), node.Span);
            default:
                var mapping = (YamlMapping)node;
                var reader = new MappingReader(mapping, JudgementKeys, diagnostics);
                var raised = reader.Scalar("raised", required: false, "是否认定")?.Value.Trim() is not ("false" or "否");
                return new RawJudgement(
                    raised,
                    reader.Text("raised_by", required: false, "认定人"),
                    reader.Text("reason", required: false, "认定理由"),
                    node.Span);
        }
    }

    private static TestExpectation? Expectation(
        YamlMapping mapping, FactSchema schema, List<Rule> rules, HashSet<string> declared, BoundDecision? decision, List<Diagnostic> diagnostics)
    {
        var reader = new MappingReader(mapping, ExpectKeys, diagnostics);
        var kindNode = reader.Scalar("classification", required: true, "major、minor、exempt、undetermined 或 unlawful");
        var kind = ClassificationKind.Minor;
        if (kindNode is not null && !ClassificationKinds.TryParse(kindNode.Value.Trim(), out kind))
        {
            diagnostics.Add(CatalogueDiagnostics.UnknownClassification(kindNode.Span, kindNode.Value));
            kindNode = null;
        }

        List<string>? ruleIds = null;
        if (reader.TextList("rules", required: false, "期望命中的规则编号", nonEmpty: false) is { } ruleNodes)
        {
            ruleIds = [];
            foreach (var node in ruleNodes)
            {
                var id = node.Value.Trim();
                var rule = rules.FirstOrDefault(r => r.Id == id);
                if (rule is null && !declared.Contains(id))
                {
                    diagnostics.Add(CatalogueDiagnostics.UnknownRuleInTest(node.Span, id, NameSuggestions.Closest(id, rules.Select(r => r.Id))));
                }
                else if (rule is not null && decision is not null && !rule.Actions.Contains(decision.Action))
                {
                    diagnostics.Add(CatalogueDiagnostics.RuleTestsActionItDoesNotCover(node.Span, id, string.Join("、", rule.Actions.Select(a => a.ToChinese()))));
                }

                ruleIds.Add(id);
            }
        }

        List<string>? missing = null;
        if (reader.TextList("missing", required: false, "期望缺少的事实", nonEmpty: false) is { } missingNodes)
        {
            missing = [];
            foreach (var node in missingNodes)
            {
                if (schema.TryGetFact(node.Value.Trim(), out var fact))
                {
                    missing.Add(fact.Key);
                }
                else
                {
                    diagnostics.Add(CatalogueDiagnostics.UnknownFact(node.Span, node.Value, string.Empty));
                }
            }
        }

        // Forms are named by id (a fact that does not belong to the kind as facts.yaml:键名); which exist is known only once
        // the forms are assembled, so an unknown id shows as a failing test rather than a diagnostic.
        var forms = Texts(reader.TextList("forms", required: false, "期望不符合的法定形式编号", nonEmpty: false));
        return kindNode is null ? null : new TestExpectation(kind, ruleIds, missing, mapping.Get("forms") is null ? null : forms);
    }

    private static List<ChecklistItem> Checklist(YamlNode node, string source, string key, List<Diagnostic> diagnostics)
    {
        var items = new List<ChecklistItem>();
        switch (node)
        {
            case YamlMapping mapping:
                foreach (var (title, question) in mapping.Entries)
                {
                    if (question is YamlScalar { IsNull: false } text && !string.IsNullOrWhiteSpace(text.Value))
                    {
                        items.Add(new ChecklistItem($"{source}:{title.Value.Trim()}", title.Value.Trim(), text.Value.Trim(), source));
                    }
                    else
                    {
                        diagnostics.Add(CatalogueDiagnostics.WrongShape(question.Span, title.Value, "文字（要审核的问题）", question is YamlScalar ? "空值" : question.KindName));
                    }
                }

                break;
            default:
                foreach (var item in MappingReader.ScalarItems(node, key, nonEmpty: false, diagnostics) ?? [])
                {
                    var text = item.Value.Trim();
                    items.Add(new ChecklistItem($"{source}:{text}", text, text, source));
                }

                break;
        }

        return items;
    }

    internal static string? Id(MappingReader reader, string key, string meaning, List<Diagnostic> diagnostics)
    {
        var text = reader.Text(key, required: true, meaning);
        if (text is not null && !Names.IsId(text))
        {
            diagnostics.Add(CatalogueDiagnostics.InvalidId(reader.Mapping.Get(key)!.Span, text));
            return null;
        }

        return text;
    }

    private static DateOnly? Date(YamlScalar? scalar, List<Diagnostic> diagnostics)
    {
        if (scalar is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(scalar.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        diagnostics.Add(CatalogueDiagnostics.InvalidDate(scalar.Span, scalar.Value));
        return null;
    }

    internal static int? WorkingDays(YamlScalar? scalar, bool allowZero, List<Diagnostic> diagnostics)
    {
        if (scalar is null)
        {
            return null;
        }

        var text = scalar.Value.Trim();
        if (allowZero && text is "false" or "否" or "不予延长" or "不允许延长")
        {
            return 0;
        }

        var match = WorkingDaysPattern().Match(text);
        if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            && days <= 365 && (days > 0 || allowZero))
        {
            return days;
        }

        diagnostics.Add(CatalogueDiagnostics.InvalidWorkingDays(scalar.Span, scalar.Value));
        return null;
    }

    internal static bool Boolean(YamlScalar? scalar, string key, List<Diagnostic> diagnostics)
    {
        switch (scalar?.Value.Trim())
        {
            case null or "false" or "否":
                return false;
            case "true" or "是" or "required" or "必须":
                return true;
            default:
                diagnostics.Add(CatalogueDiagnostics.InvalidBoolean(scalar.Span, key, scalar.Value));
                return false;
        }
    }

    internal static List<string> Texts(IReadOnlyList<YamlScalar>? nodes) =>
        nodes?.Select(n => n.Value.Trim()).Distinct().ToList() ?? [];

    [GeneratedRegex(@"^(\d{1,3})\s*(个工作日|工作日)?$")]
    private static partial Regex WorkingDaysPattern();
}
