using Fashen.Catalogue.Diagnostics;
using Fashen.Catalogue.Yaml;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Facts;
using Fashen.Engine.Statute;
using Fashen.Grammar.Diagnostics;
using CatalogueModel = Fashen.Engine.Catalogues.Catalogue;

namespace Fashen.Catalogue.Statute;

/// <summary>Works out the forms a catalogue stands on: the national baseline's (or its parent's, which already stand on
/// it), with the catalogue's own added. An own form may only add to them (be stricter); it takes a national form's place
/// only where that form allows a law to provide otherwise and the form names that law.</summary>
internal static class StandingForms
{
    /// <summary>Assembles the forms.</summary>
    /// <param name="statute">The national baseline.</param>
    /// <param name="own">The catalogue's <c>forms</c> list, or null.</param>
    /// <param name="parent">The catalogue it extends, or null.</param>
    /// <param name="schema">The catalogue's fact schema.</param>
    /// <param name="thresholds">The named thresholds the catalogue's forms may use.</param>
    /// <param name="department">The department's name, for answers and messages.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <returns>The forms, national first, in the order written.</returns>
    public static List<StatutoryForm> Assemble(
        StatuteFile statute,
        YamlSequence? own,
        CatalogueModel? parent,
        FactSchema schema,
        Dictionary<string, NamedThreshold> thresholds,
        string department,
        List<Diagnostic> diagnostics)
    {
        var national = statute.FormsFor(schema, diagnostics);
        var standing = parent?.Forms.ToList() ?? [.. national];
        if (own is null)
        {
            return standing;
        }

        foreach (var form in FormReader.Read(own, national: false, department, schema, thresholds, diagnostics))
        {
            if (form.Departure is not { } departure)
            {
                if (standing.FirstOrDefault(f => f.Id == form.Id) is { } existing)
                {
                    diagnostics.Add(CatalogueDiagnostics.DuplicateFormId(form.Span, form.Id, existing.Source));
                }
                else
                {
                    standing.Add(form);
                }

                continue;
            }

            if (national.FirstOrDefault(f => f.Id == departure.Replaces) is not { } replaced)
            {
                var departable = string.Join("、", national.Where(f => f.DepartableByLaw).Select(f => f.Id));
                diagnostics.Add(CatalogueDiagnostics.UnknownNationalForm(form.Span, departure.Replaces, departable.Length == 0 ? "无" : departable));
                continue;
            }

            if (!replaced.DepartableByLaw)
            {
                diagnostics.Add(CatalogueDiagnostics.FormNotDepartable(form.Span, replaced.Id, replaced.Title));
                continue;
            }

            if (form.Id != replaced.Id && standing.FirstOrDefault(f => f.Id == form.Id) is { } clash)
            {
                diagnostics.Add(CatalogueDiagnostics.DuplicateFormId(form.Span, form.Id, clash.Source));
                continue;
            }

            var index = standing.FindIndex(f => f.Id == replaced.Id || f.Departure?.Replaces == replaced.Id);
            if (index >= 0)
            {
                standing[index] = form;
            }
            else
            {
                standing.Add(form);
            }

            diagnostics.Add(CatalogueDiagnostics.DepartsFromNationalForm(form.Span, department, replaced.Id, replaced.Title, departure.Law, form.Title));
        }

        return standing;
    }
}
