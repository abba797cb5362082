using Fashen.Engine.Facts;
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
    SourceSpan Span);
