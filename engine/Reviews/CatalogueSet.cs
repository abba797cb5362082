using Fashen.Engine.Calendar;
using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Decisions;
using Fashen.Engine.Diagnostics;
using Fashen.Grammar.Diagnostics;

namespace Fashen.Engine.Reviews;

/// <summary>The catalogues loaded: every version of every department's catalogue, compiled once, and the
/// working-day calendar. A decision is classified by the version in force on its governing date.</summary>
/// <remarks>Immutable: a reload builds a new set and swaps it in whole, so a request that started with one
/// set finishes with it.</remarks>
public sealed class CatalogueSet
{
    private readonly Dictionary<string, IReadOnlyList<Classifier>> _versions;
    private readonly IReadOnlyList<Publication.MaskingRules> _masking;

    /// <summary>Initializes a new instance of the <see cref="CatalogueSet"/> class.</summary>
    /// <param name="classifiers">Every version of every department's catalogue, compiled; baselines are left out.</param>
    /// <param name="calendar">The holiday calendar, or null when none is loaded.</param>
    /// <param name="masking">The departments' masking rules for publication; a department without its own gets the defaults.</param>
    public CatalogueSet(IEnumerable<Classifier> classifiers, WorkingCalendar? calendar, IReadOnlyList<Publication.MaskingRules>? masking = null)
    {
        _masking = masking ?? [];
        _versions = classifiers
            .Where(c => !c.Catalogue.Baseline)
            .GroupBy(c => c.Catalogue.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Classifier>)g.OrderBy(c => c.Catalogue.EffectiveFrom).ToList(), StringComparer.Ordinal);
        Calendar = calendar;
    }

    /// <summary>Gets an empty set.</summary>
    public static CatalogueSet Empty { get; } = new([], null);

    /// <summary>Gets the holiday calendar, or null when none is loaded.</summary>
    public WorkingCalendar? Calendar { get; }

    /// <summary>Gets the rules a department's decisions are masked by before publication: its own, or the defaults.</summary>
    /// <param name="department">The department.</param>
    /// <returns>The rules.</returns>
    public Publication.MaskingRules MaskingFor(string department) =>
        _masking.FirstOrDefault(m => m.Department == department) ?? Publication.MaskingRules.Default(department);

    /// <summary>Gets the departments with a catalogue, in id order.</summary>
    public IReadOnlyList<string> Departments => _versions.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Gets every compiled version, by department then effective date.</summary>
    public IEnumerable<Classifier> All => Departments.SelectMany(d => _versions[d]);

    /// <summary>Gets every kind of action some catalogue's schema knows, the sample set's first, for filters.</summary>
    public IReadOnlyList<Catalogues.ActionKind> ActionKinds =>
        Catalogues.ActionKinds.Seed.Concat(All.SelectMany(c => c.Catalogue.Schema.Actions)).Distinct().ToList();

    /// <summary>Gets a department's versions, earliest first; empty when the department has none.</summary>
    /// <param name="department">The department id.</param>
    /// <returns>The versions.</returns>
    public IReadOnlyList<Classifier> VersionsOf(string department) => _versions.GetValueOrDefault(department) ?? [];

    /// <summary>Finds the version in force on a day.</summary>
    /// <param name="department">The department id.</param>
    /// <param name="date">The day.</param>
    /// <returns>The version, or null when none is in force that day.</returns>
    public Classifier? InForce(string department, DateOnly date) => InForce(VersionsOf(department), date);

    /// <summary>Finds the version in force on a day among a department's versions.</summary>
    /// <param name="versions">The department's versions, earliest first (<see cref="VersionsOf"/>).</param>
    /// <param name="date">The day.</param>
    /// <returns>The version, or null when none is in force that day.</returns>
    /// <remarks>A loop rather than a query with a lambda: a replay asks this twice for every past decision.</remarks>
    public static Classifier? InForce(IReadOnlyList<Classifier> versions, DateOnly date)
    {
        for (var i = versions.Count - 1; i >= 0; i--)
        {
            if (versions[i].Catalogue.InForceOn(date))
            {
                return versions[i];
            }
        }

        return null;
    }

    /// <summary>Finds the version to show for a department today: the one in force, or else the latest
    /// that has started, or else the first still to come.</summary>
    /// <param name="department">The department id.</param>
    /// <param name="today">Today.</param>
    /// <returns>The version, or null when the department has none.</returns>
    public Classifier? Shown(string department, DateOnly today)
    {
        var versions = VersionsOf(department);
        return InForce(department, today) ?? versions.LastOrDefault(c => c.Catalogue.EffectiveFrom <= today) ?? versions.FirstOrDefault();
    }

    /// <summary>Chooses the version that classifies a decision: its department's version in force on the
    /// decision's governing date (the date it is proposed, or its filing date where the catalogue says so),
    /// or on <paramref name="fallback"/> when the decision does not give that date.</summary>
    /// <param name="decision">The decision as sent.</param>
    /// <param name="fallback">The day used when the decision gives no governing date: the day it is classified.</param>
    /// <returns>The version and the date it was chosen by, or the diagnostics saying why none applies.</returns>
    public Result<VersionChoice> Choose(Decision decision, DateOnly fallback)
    {
        var department = decision.Department?.Text.Trim();
        var versions = department is null ? [] : VersionsOf(department);
        if (versions.Count == 0)
        {
            var available = string.Join("、", Departments.Select(d => $"{d}（{_versions[d][^1].Catalogue.Name}）"));
            Diagnostic diagnostic = decision.Department is { } named
                ? EngineDiagnostics.NoCatalogueForDepartment(named.Span, named.Text, available.Length == 0 ? "无" : available)
                : EngineDiagnostics.MissingDecisionField(decision.Span, "department", "部门");
            return Result<VersionChoice>.Failure([diagnostic]);
        }

        // Every version of a department names the same governing date (lint checks it); the latest decides.
        var governing = versions[^1].Catalogue.GoverningDate;
        var field = governing == GoverningDate.FiledOn ? decision.FiledOn : decision.ProposedOn;
        var date = fallback;
        var given = false;
        if (field is not null && DecisionBinder.TryParseDate(field.Text, out var parsed))
        {
            date = parsed;
            given = true;
        }

        if (InForce(department!, date) is { } classifier)
        {
            return Result<VersionChoice>.Success(new VersionChoice(classifier, date, governing, given));
        }

        var periods = string.Join("；", versions.Select(v => $"{v.Catalogue.Version}（{v.Catalogue.Period}）"));
        return Result<VersionChoice>.Failure([EngineDiagnostics.CatalogueNotInForce(
            field?.Span ?? decision.Span, Formatting.Date(date), given ? governing.ToChinese() : "判定之日", department!, periods)]);
    }
}

/// <summary>The catalogue version chosen for a decision, and why.</summary>
/// <param name="Classifier">The version, compiled.</param>
/// <param name="Date">The date it was chosen by.</param>
/// <param name="Governing">Which of the decision's dates governs.</param>
/// <param name="DateGiven">Whether the decision gave that date; when not, the day of classification was used.</param>
public sealed record VersionChoice(Classifier Classifier, DateOnly Date, GoverningDate Governing, bool DateGiven)
{
    /// <summary>Gets why the version was chosen, in Chinese: 按拟作出决定日期 2026-09-28.</summary>
    public string Reason => DateGiven ? $"按{Governing.ToChinese()} {Formatting.Date(Date)}" : $"决定未写明{Governing.ToChinese()}，按判定之日 {Formatting.Date(Date)}";
}

/// <summary>Gives the catalogues in force now.</summary>
public interface ICatalogueSource
{
    /// <summary>Gets the catalogues in force now.</summary>
    CatalogueSet Current { get; }
}
