using System.Security.Cryptography;
using System.Text;
using Fashen.Catalogue.Diagnostics;
using Fashen.Catalogue.Yaml;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Facts;
using Fashen.Grammar.Diagnostics;
using Fashen.Grammar.Text;

namespace Fashen.Catalogue.Schema;

/// <summary>Reads the fact schema (facts.yaml): every fact a decision may carry, with its label,
/// aliases, type and allowed values.</summary>
public static class FactSchemaLoader
{
    /// <summary>The most values a set fact may have: one bit each in a 64-bit word.</summary>
    public const int MaxSetValues = 64;

    private static readonly string[] RootKeys = ["version", "actions", "facts", "phrases"];
    private static readonly string[] FactKeys = ["label", "aliases", "type", "actions", "values", "value_aliases", "groups", "extensible", "description"];

    private static readonly Dictionary<string, FactType> Types = new(StringComparer.Ordinal)
    {
        ["money"] = FactType.Money,
        ["number"] = FactType.Number,
        ["enum"] = FactType.Enum,
        ["ordinal"] = FactType.Ordinal,
        ["set"] = FactType.Set,
        ["boolean"] = FactType.Boolean,
        ["judgement"] = FactType.Judgement,
    };

    /// <summary>Reads a schema from a file's text.</summary>
    /// <param name="source">The file.</param>
    /// <returns>The schema, or every diagnostic found.</returns>
    public static Result<FactSchema> Load(SourceText source)
    {
        var all = new List<Diagnostic>();
        if (YamlTreeReader.ReadMapping(source, "事实表", all) is not { } mapping)
        {
            return Result<FactSchema>.Failure(all);
        }

        var actions = ReadActions(mapping, all);
        var facts = Read(mapping, actions, all);
        if (all.Any(d => d.IsError))
        {
            return Result<FactSchema>.Failure(all);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source.Text)));
        var schema = new FactSchema(facts, new SchemaSource(SourceSpan.FileOnly(source.Path), hash), actions: actions);
        var phrases = ReadPhrases(mapping, schema, all);
        if (all.Any(d => d.IsError))
        {
            return Result<FactSchema>.Failure(all);
        }

        return Result<FactSchema>.Success(new FactSchema(facts, schema.Source, phrases, actions), all);
    }

    // actions: penalty: 行政处罚 — the kinds of action a legal office reviews, machine name and Chinese name; the six of the
    // county plan when the schema lists none.
    private static IReadOnlyList<ActionKind> ReadActions(YamlMapping mapping, List<Diagnostic> diagnostics)
    {
        if (mapping.Get("actions") is not { } node)
        {
            return ActionKinds.Seed;
        }

        if (node is not YamlMapping table || table.Entries.Count == 0)
        {
            diagnostics.Add(CatalogueDiagnostics.WrongShape(node.Span, "actions", "映射（机器名: 中文名称，如 penalty: 行政处罚）", node.KindName));
            return ActionKinds.Seed;
        }

        var kinds = new List<ActionKind>();
        foreach (var (wire, value) in table.Entries)
        {
            var name = (value as YamlScalar)?.Value.Trim() ?? string.Empty;
            if (!Names.IsFactKey(wire.Value))
            {
                diagnostics.Add(CatalogueDiagnostics.InvalidFactKey(wire.Span, wire.Value));
            }
            else if (!Names.IsConditionName(name) || name.Any(c => c < 0x80))
            {
                diagnostics.Add(CatalogueDiagnostics.WrongShape(value.Span, wire.Value, "中文名称，如“行政处罚”", value.KindName));
            }
            else if (kinds.Any(k => k.Name == name || k.Wire == wire.Value))
            {
                diagnostics.Add(CatalogueDiagnostics.DuplicateValue(wire.Span, $"{wire.Value}: {name}", "actions"));
            }
            else
            {
                kinds.Add(new ActionKind(name, wire.Value));
            }
        }

        return kinds;
    }

    // phrases: 经过听证程序: 已听证 — each condition parsed and bound like a rule's, so that import never writes a wrong one.
    private static List<ImportPhrase> ReadPhrases(YamlMapping mapping, FactSchema schema, List<Diagnostic> diagnostics)
    {
        var phrases = new List<ImportPhrase>();
        if (mapping.Get("phrases") is not { } node)
        {
            return phrases;
        }

        if (node is not YamlMapping table)
        {
            diagnostics.Add(CatalogueDiagnostics.WrongShape(node.Span, "phrases", "映射（说法: 条件）", node.KindName));
            return phrases;
        }

        foreach (var (phrase, value) in table.Entries)
        {
            if (value is not YamlScalar { IsNull: false } when)
            {
                diagnostics.Add(CatalogueDiagnostics.WrongShape(value.Span, phrase.Value, "条件（门槛语言）", value.KindName));
                continue;
            }

            var errors = diagnostics.Count;
            if (Loading.CatalogueReader.Condition(when, schema, [], new HashSet<string>(), diagnostics) is not null && diagnostics.Count == errors)
            {
                phrases.Add(new ImportPhrase(phrase.Value.Trim(), when.Value.Trim()));
            }
        }

        return phrases.OrderByDescending(p => p.Phrase.Length).ToList();
    }

    private static List<FactDefinition> Read(YamlMapping mapping, IReadOnlyList<ActionKind> kinds, List<Diagnostic> diagnostics)
    {
        var root = new MappingReader(mapping, RootKeys, diagnostics);
        var factsNode = root.Map("facts", required: true, "全部事实，以键名为项");
        var facts = new List<FactDefinition>();
        if (factsNode is null)
        {
            return facts;
        }

        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in factsNode.Entries)
        {
            if (ReadFact(keyNode, value, facts.Count, owners, kinds, diagnostics) is { } fact)
            {
                facts.Add(fact);
            }
        }

        return facts;
    }

    private static FactDefinition? ReadFact(
        YamlScalar keyNode, YamlNode value, int slot, Dictionary<string, string> owners, IReadOnlyList<ActionKind> kinds, List<Diagnostic> diagnostics)
    {
        var key = keyNode.Value;
        var errors = diagnostics.Count;
        var validKey = Names.IsFactKey(key);
        if (!validKey)
        {
            diagnostics.Add(CatalogueDiagnostics.InvalidFactKey(keyNode.Span, key));
        }

        if (value is not YamlMapping body)
        {
            diagnostics.Add(CatalogueDiagnostics.WrongShape(value.Span, key, "映射（label、type 等）", value.KindName));
            return null;
        }

        var reader = new MappingReader(body, FactKeys, diagnostics);
        var label = reader.Text("label", required: true, "中文名称");
        var aliases = reader.TextList("aliases", required: false, "别名", nonEmpty: false) ?? [];
        var typeNode = reader.Scalar("type", required: true, "类型：money、number、enum、ordinal、set、boolean 或 judgement");
        var description = reader.Text("description", required: false, "说明");
        var actions = new List<ActionKind>();
        var kindList = string.Join("、", kinds.Select(k => k.Name));
        foreach (var node in reader.TextList("actions", required: false, $"事实所属的执法行为类别：{kindList}", nonEmpty: true) ?? [])
        {
            if (!ActionKinds.TryParse(node.Value.Trim(), kinds, out var kind))
            {
                diagnostics.Add(CatalogueDiagnostics.UnknownActionKind(node.Span, node.Value, kindList, NameSuggestions.Closest(node.Value.Trim(), kinds.Select(k => k.Name).ToList())));
            }
            else if (!actions.Contains(kind))
            {
                actions.Add(kind);
            }
        }

        var type = FactType.Boolean;
        if (typeNode is not null && !Types.TryGetValue(typeNode.Value.Trim(), out type))
        {
            diagnostics.Add(CatalogueDiagnostics.UnknownFactType(typeNode.Span, typeNode.Value));
        }

        // Every name of the fact must be unique in the schema and writable in a condition.
        if (validKey)
        {
            ClaimName(keyNode, key, owners, diagnostics);
        }

        if (label is not null)
        {
            ClaimName(body.Get("label")!, label, owners, diagnostics, key);
        }

        foreach (var alias in aliases)
        {
            ClaimName(alias, alias.Value.Trim(), owners, diagnostics, key);
        }

        var hasValues = type is FactType.Enum or FactType.Ordinal or FactType.Set;
        var values = new List<FactValueOption>();
        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var extensible = false;
        if (hasValues)
        {
            // An extensible fact (执法事项) may start empty: each catalogue lists its own values.
            extensible = ReadBoolean(reader, "extensible", diagnostics);
            ReadValues(key, reader, extensible, values, groups, diagnostics);
            if (type == FactType.Set && values.Count > MaxSetValues)
            {
                diagnostics.Add(CatalogueDiagnostics.TooManySetValues(keyNode.Span, key, values.Count, MaxSetValues));
            }
        }
        else
        {
            foreach (var onlyForLists in new[] { "values", "value_aliases", "groups", "extensible" })
            {
                if (body.Entries.FirstOrDefault(e => e.Key.Value == onlyForLists).Key is { } misplaced)
                {
                    diagnostics.Add(CatalogueDiagnostics.UnknownKey(misplaced.Span, onlyForLists, "label、aliases、type、actions、description（values 等只用于 enum、ordinal、set 类事实）", null));
                }
            }
        }

        if (diagnostics.Skip(errors).Any(d => d.IsError) || label is null || typeNode is null)
        {
            return null;
        }

        return new FactDefinition(
            key, label, aliases.Select(a => a.Value.Trim()).ToList(), type, values, groups, extensible, description, slot,
            keyNode.Span, actions);
    }

    private static void ReadValues(
        string key, MappingReader reader, bool extensible, List<FactValueOption> values, Dictionary<string, IReadOnlyList<string>> groups, List<Diagnostic> diagnostics)
    {
        var valueNodes = reader.TextList("values", required: false, "全部取值", nonEmpty: !extensible);
        if (valueNodes is null)
        {
            if (!extensible)
            {
                diagnostics.Add(CatalogueDiagnostics.MissingValues(reader.Anchor, key));
            }

            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in valueNodes)
        {
            var name = node.Value.Trim();
            if (!names.Add(name))
            {
                diagnostics.Add(CatalogueDiagnostics.DuplicateValue(node.Span, name, key));
                continue;
            }

            if (Names.IsKeyword(name))
            {
                diagnostics.Add(CatalogueDiagnostics.NameIsKeyword(node.Span, name));
            }

            values.Add(new FactValueOption(name, values.Count, []));
        }

        if (reader.Map("value_aliases", required: false, "取值的别名：别名: 取值") is { } aliasMap)
        {
            foreach (var (aliasNode, targetNode) in aliasMap.Entries)
            {
                var alias = aliasNode.Value.Trim();
                var target = (targetNode as YamlScalar)?.Value.Trim();
                var index = values.FindIndex(v => v.Name == target);
                if (index < 0)
                {
                    diagnostics.Add(CatalogueDiagnostics.UnknownGroupMember(targetNode.Span, target ?? targetNode.KindName, key));
                }
                else if (!names.Add(alias))
                {
                    diagnostics.Add(CatalogueDiagnostics.DuplicateValue(aliasNode.Span, alias, key));
                }
                else
                {
                    values[index] = values[index] with { Aliases = [.. values[index].Aliases, alias] };
                }
            }
        }

        if (reader.Map("groups", required: false, "取值分组：分组名: [取值, …]") is { } groupMap)
        {
            foreach (var (groupNode, membersNode) in groupMap.Entries)
            {
                var group = groupNode.Value.Trim();
                if (!names.Add(group))
                {
                    diagnostics.Add(CatalogueDiagnostics.DuplicateValue(groupNode.Span, group, key));
                    continue;
                }

                if (!Names.IsConditionName(group))
                {
                    diagnostics.Add(CatalogueDiagnostics.NameNotWritable(groupNode.Span, group));
                }

                var members = MappingReader.ScalarItems(membersNode, group, nonEmpty: true, diagnostics) ?? [];
                foreach (var member in members.Where(m => values.All(v => v.Name != m.Value.Trim())))
                {
                    diagnostics.Add(CatalogueDiagnostics.UnknownGroupMember(member.Span, member.Value, key));
                }

                groups[group] = members.Select(m => m.Value.Trim()).Where(m => values.Any(v => v.Name == m)).Distinct().ToList();
            }
        }
    }

    private static bool ReadBoolean(MappingReader reader, string key, List<Diagnostic> diagnostics)
    {
        var scalar = reader.Scalar(key, required: false, "是否允许");
        if (scalar is null)
        {
            return false;
        }

        switch (scalar.Value.Trim())
        {
            case "true" or "True" or "TRUE" or "yes" or "是":
                return true;
            case "false" or "False" or "FALSE" or "no" or "否":
                return false;
            default:
                diagnostics.Add(CatalogueDiagnostics.InvalidBoolean(scalar.Span, key, scalar.Value));
                return false;
        }
    }

    private static void ClaimName(YamlNode at, string name, Dictionary<string, string> owners, List<Diagnostic> diagnostics, string? owner = null)
    {
        owner ??= name;
        if (owners.TryGetValue(name, out var other) && other != owner)
        {
            diagnostics.Add(CatalogueDiagnostics.DuplicateFactName(at.Span, name, other));
            return;
        }

        if (owners.ContainsKey(name))
        {
            return;
        }

        owners[name] = owner;
        if (Names.IsKeyword(name))
        {
            diagnostics.Add(CatalogueDiagnostics.NameIsKeyword(at.Span, name));
        }
        else if (!Names.IsConditionName(name))
        {
            diagnostics.Add(CatalogueDiagnostics.NameNotWritable(at.Span, name));
        }
    }
}
