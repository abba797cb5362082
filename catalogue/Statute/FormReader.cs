using Fashen.Catalogue.Diagnostics;
using Fashen.Catalogue.Loading;
using Fashen.Catalogue.Yaml;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Conditions;
using Fashen.Engine.Facts;
using Fashen.Engine.Statute;
using Fashen.Grammar.Diagnostics;

namespace Fashen.Catalogue.Statute;

/// <summary>Reads statutory forms (<c>forms:</c>) from the national baseline or from a department's catalogue: each one's
/// kinds, procedure, conditions bound against the catalogue's fact schema, basis, and for a department's, the national
/// form it takes the place of and the law that allows it.</summary>
internal static class FormReader
{
    /// <summary>The keys of a form in the national baseline.</summary>
    public static readonly string[] NationalKeys = ["id", "title", "actions", "procedure", "when", "require", "basis", "departable_by_law", "note"];

    /// <summary>The keys of a form in a department's catalogue.</summary>
    public static readonly string[] DepartmentKeys = ["id", "title", "actions", "procedure", "when", "require", "basis", "replaces", "law", "note"];

    /// <summary>Reads the forms of a list.</summary>
    /// <param name="sequence">The <c>forms</c> list.</param>
    /// <param name="national">Whether the list is the national baseline's.</param>
    /// <param name="source">Who states the forms, as answers name them.</param>
    /// <param name="schema">The fact schema to bind conditions against.</param>
    /// <param name="thresholds">The named thresholds the conditions may use.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <returns>The forms read without errors, in the order written.</returns>
    public static List<StatutoryForm> Read(
        YamlSequence sequence, bool national, string source, FactSchema schema, Dictionary<string, NamedThreshold> thresholds, List<Diagnostic> diagnostics)
    {
        var forms = new List<StatutoryForm>();
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping mapping)
            {
                diagnostics.Add(CatalogueDiagnostics.WrongShape(item.Span, "forms", "映射（id、title、actions、require、basis 等）", item.KindName));
                continue;
            }

            var reader = new MappingReader(mapping, national ? NationalKeys : DepartmentKeys, diagnostics);
            var errors = diagnostics.Count(d => d.IsError);
            var id = CatalogueReader.Id(reader, "id", "法定形式编号，如 XZCF-51-2", diagnostics);
            if (id is not null)
            {
                if (firstLines.TryGetValue(id, out var firstLine))
                {
                    diagnostics.Add(CatalogueDiagnostics.DuplicateFormId(mapping.Get("id")!.Span, id, $"第 {firstLine} 行的法定形式"));
                }
                else
                {
                    firstLines[id] = mapping.Get("id")!.Span.Line;
                }
            }

            var title = reader.Text("title", required: true, "法律规定的表述");
            var actions = CatalogueReader.Actions(reader, schema, diagnostics);
            Procedure? procedure = null;
            if (reader.Scalar("procedure", required: false, "适用的程序：一般程序或简易程序；两种程序都适用的不写") is { } procedureNode)
            {
                if (Procedures.TryParse(procedureNode.Value, out var parsed))
                {
                    procedure = parsed;
                }
                else
                {
                    diagnostics.Add(CatalogueDiagnostics.UnknownFormProcedure(procedureNode.Span, procedureNode.Value));
                }
            }

            var when = Bound(reader.Scalar("when", required: false, "适用于哪些决定（条件）；全部适用的不写"), schema, thresholds, diagnostics);
            var require = Bound(reader.Scalar("require", required: false, "这些决定必须符合的条件；法律不允许这样作出的不写"), schema, thresholds, diagnostics);
            var basis = CatalogueReader.Texts(reader.TextList("basis", required: true, "法律依据，如“《中华人民共和国行政处罚法》第五十一条”", nonEmpty: true));
            var departable = national && CatalogueReader.Boolean(reader.Scalar("departable_by_law", required: false, "法律另有规定的，能否从其规定"), "departable_by_law", diagnostics);
            var departure = national ? null : Departure(reader, id, diagnostics);
            reader.Text("note", required: false, "备注");

            if (diagnostics.Count(d => d.IsError) == errors && id is not null && title is not null && when.Ok && require.Ok)
            {
                forms.Add(new StatutoryForm(
                    id, title, actions, procedure, when.Condition, require.Condition, basis, source, mapping.Entries[0].Key.Span, departable, departure));
            }
        }

        return forms;
    }

    // A condition when written; a condition written with errors is not Ok.
    private static (Condition? Condition, bool Ok) Bound(YamlScalar? scalar, FactSchema schema, Dictionary<string, NamedThreshold> thresholds, List<Diagnostic> diagnostics)
    {
        if (scalar is null)
        {
            return (null, true);
        }

        var condition = CatalogueReader.Condition(scalar, schema, thresholds, new HashSet<string>(StringComparer.Ordinal), diagnostics);
        return (condition, condition is not null);
    }

    // replaces: the national form's id, with law: the law that provides otherwise.
    private static FormDeparture? Departure(MappingReader reader, string? id, List<Diagnostic> diagnostics)
    {
        if (reader.Text("replaces", required: false, "替代的全国法定基准编号") is not { } replaces)
        {
            if (reader.Mapping.Get("law") is { } stray)
            {
                diagnostics.Add(CatalogueDiagnostics.UnknownKey(stray.Span, "law", "law 只与 replaces 一起使用：替代全国法定基准中的一项时写明依据的法律", null));
            }

            return null;
        }

        var lawNode = reader.Scalar("law", required: false, "依据的法律及条文");
        var law = lawNode?.Value.Trim();
        if (string.IsNullOrEmpty(law))
        {
            diagnostics.Add(CatalogueDiagnostics.DepartureWithoutLaw(reader.Mapping.Get("replaces")!.Span, replaces, null));
            return null;
        }

        // A law's title ends with 法 (《中华人民共和国治安管理处罚法》); 条例、办法、规定 are not laws.
        var title = law.IndexOf('》', StringComparison.Ordinal) is var end and > 0 && law.StartsWith('《') ? law[1..end] : null;
        if (title is null || !title.EndsWith('法'))
        {
            diagnostics.Add(CatalogueDiagnostics.DepartureWithoutLaw(lawNode!.Span, replaces, law));
            return null;
        }

        return id is null ? null : new FormDeparture(replaces, law);
    }
}
