using Fashen.Engine.Facts;
using Fashen.Engine.Statute;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Catalogues;

/// <summary>A department's validated catalogue of major enforcement decisions (重大执法决定目录清单).</summary>
/// <remarks>Immutable; built once by the catalogue loader and compiled once by the classifier.</remarks>
/// <param name="Id">The department id (scjg).</param>
/// <param name="Name">The department's name (桓台县市场监督管理局).</param>
/// <param name="Version">The catalogue's version as its authors number it.</param>
/// <param name="EffectiveFrom">The first day the catalogue is in force.</param>
/// <param name="Defaults">What applies to every rule unless the rule says otherwise.</param>
/// <param name="Thresholds">Named thresholds, in declaration order.</param>
/// <param name="Rules">The rules, in declaration order.</param>
/// <param name="Tests">The embedded test cases.</param>
/// <param name="Schema">The fact schema, extended with the catalogue's own values.</param>
/// <param name="Revision">The content hash of the catalogue and its schema, <c>sha256:</c> and hex.</param>
/// <param name="Span">The catalogue file.</param>
/// <param name="EffectiveTo">The last day the catalogue is in force, or null while no end is set.</param>
/// <param name="GoverningDate">Which date of a decision chooses the version that classifies it.</param>
/// <param name="Extends">The parent catalogue (a city or province baseline) this one builds on, or null.</param>
/// <param name="Commit">The git commit the file was read at, when it lives in a git checkout; null otherwise.</param>
/// <param name="Baseline">Whether this is a baseline for other catalogues only, not a department's own.</param>
/// <param name="Forms">The forms the law requires that the catalogue stands on: the national baseline's, with the
/// departures a law allows in their place, and the catalogue's own stricter ones (and its parent's).</param>
/// <param name="Statute">The national baseline the catalogue stands on, or null for one read without it (tests only).</param>
/// <param name="OpinionNumber">How the department numbers its review opinions, or null for the default template.</param>
public sealed record Catalogue(
    string Id,
    string Name,
    string Version,
    DateOnly EffectiveFrom,
    CatalogueDefaults Defaults,
    IReadOnlyList<NamedThreshold> Thresholds,
    IReadOnlyList<Rule> Rules,
    IReadOnlyList<CatalogueTestCase> Tests,
    FactSchema Schema,
    string Revision,
    SourceSpan Span,
    DateOnly? EffectiveTo = null,
    GoverningDate GoverningDate = GoverningDate.ProposedOn,
    string? Extends = null,
    string? Commit = null,
    bool Baseline = false,
    IReadOnlyList<StatutoryForm>? Forms = null,
    StatuteReference? Statute = null,
    Opinions.OpinionNumberTemplate? OpinionNumber = null)
{
    /// <summary>Gets how the department numbers its review opinions; the default template when the catalogue names none.</summary>
    public Opinions.OpinionNumberTemplate OpinionNumber { get; init; } = OpinionNumber ?? Opinions.OpinionNumberTemplate.Default;

    /// <summary>Gets the forms the law requires that the catalogue stands on; empty when none.</summary>
    public IReadOnlyList<StatutoryForm> Forms { get; init; } = Forms ?? [];

    /// <summary>Tells whether the catalogue is in force on a day.</summary>
    /// <param name="date">The day.</param>
    /// <returns>True from the effective-from date through the effective-to date.</returns>
    public bool InForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is not { } to || date <= to);

    /// <summary>Gets the period in force, in words: 2026-01-01 起 or 2025-01-01 至 2025-12-31.</summary>
    public string Period => EffectiveTo is { } to
        ? $"{EffectiveFrom:yyyy-MM-dd} 至 {to:yyyy-MM-dd}"
        : $"{EffectiveFrom:yyyy-MM-dd} 起";
}
