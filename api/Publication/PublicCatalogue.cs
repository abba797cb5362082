using Fashen.Engine.Catalogues;
using Fashen.Engine.Classification;
using Fashen.Engine.Conditions;
using Fashen.Engine.Reviews;
using CatalogueModel = Fashen.Engine.Catalogues.Catalogue;

namespace Fashen.Api.Publication;

/// <summary>A department's catalogue as published to the public (事前公开): every rule in plain Chinese
/// with its basis and review deadline, and the revision it was published from.</summary>
/// <param name="Department">The department id.</param>
/// <param name="Name">The department's name.</param>
/// <param name="Version">The version published: the one in force on the day of publication.</param>
/// <param name="EffectiveFrom">The first day in force.</param>
/// <param name="EffectiveTo">The last day in force, or null.</param>
/// <param name="Revision">The catalogue's revision (content digest).</param>
/// <param name="Commit">The git commit the catalogue was read at, or null.</param>
/// <param name="Extends">The baseline catalogue it builds on, or null.</param>
/// <param name="DeadlineWorkingDays">The review deadline in working days.</param>
/// <param name="ExtensionWorkingDays">How many working days the head of the office may extend it by.</param>
/// <param name="Materials">The materials every review needs.</param>
/// <param name="ReviewPoints">What every review examines.</param>
/// <param name="Rules">The rules.</param>
/// <param name="Versions">Every version of the department's catalogue, earliest first.</param>
public sealed record PublicCatalogue(
    string Department,
    string Name,
    string Version,
    string EffectiveFrom,
    string? EffectiveTo,
    string Revision,
    string? Commit,
    string? Extends,
    int DeadlineWorkingDays,
    int ExtensionWorkingDays,
    IReadOnlyList<string> Materials,
    IReadOnlyList<PublicReviewPoint> ReviewPoints,
    IReadOnlyList<PublicRule> Rules,
    IReadOnlyList<PublicVersion> Versions)
{
    /// <summary>Builds the public catalogue of every department: the version in force on a day (or else
    /// the nearest one), in department order.</summary>
    /// <param name="set">The catalogues.</param>
    /// <param name="today">The day of publication.</param>
    /// <returns>One per department.</returns>
    public static IReadOnlyList<PublicCatalogue> All(CatalogueSet set, DateOnly today) =>
        set.Departments.Select(d => Of(set, d, today)!).ToList();

    /// <summary>Builds one department's public catalogue.</summary>
    /// <param name="set">The catalogues.</param>
    /// <param name="department">The department id.</param>
    /// <param name="today">The day of publication.</param>
    /// <returns>The public catalogue, or null when the department has none.</returns>
    public static PublicCatalogue? Of(CatalogueSet set, string department, DateOnly today)
    {
        if (set.Shown(department, today) is not { } shown)
        {
            return null;
        }

        var c = shown.Catalogue;
        return new PublicCatalogue(
            c.Id,
            c.Name,
            c.Version,
            Formatting.Date(c.EffectiveFrom),
            c.EffectiveTo is { } to ? Formatting.Date(to) : null,
            c.Revision,
            c.Commit,
            c.Extends,
            c.Defaults.DeadlineWorkingDays,
            c.Defaults.ExtensionWorkingDays,
            c.Defaults.Materials,
            c.Defaults.ReviewPoints.Select(p => new PublicReviewPoint(p.Title, p.Question)).ToList(),
            c.Rules.Select(r => Rule(c, r)).ToList(),
            set.VersionsOf(department).Select(v => new PublicVersion(
                v.Catalogue.Version,
                Formatting.Date(v.Catalogue.EffectiveFrom),
                v.Catalogue.EffectiveTo is { } end ? Formatting.Date(end) : null,
                v.Catalogue.Revision,
                set.InForce(department, today) == v)).ToList());
    }

    private static PublicRule Rule(CatalogueModel catalogue, Rule rule) => new(
        rule.Id,
        rule.Title,
        rule.Actions.Select(a => a.ToChinese()).ToList(),
        ConditionWording.Describe(rule.Condition),
        rule.Basis,
        rule.DeadlineWorkingDays ?? catalogue.Defaults.DeadlineWorkingDays,
        rule.Materials,
        rule.RequiresCounselOpinion);
}

/// <summary>A published rule.</summary>
/// <param name="Id">The rule id.</param>
/// <param name="Title">The rule as the catalogue words it.</param>
/// <param name="Actions">The kinds of action it applies to, in Chinese.</param>
/// <param name="Criteria">When a decision falls under it, in plain Chinese.</param>
/// <param name="Basis">Its legal basis.</param>
/// <param name="DeadlineWorkingDays">The review deadline in working days.</param>
/// <param name="Materials">The materials it adds.</param>
/// <param name="CounselOpinion">Whether legal counsel must give an opinion.</param>
public sealed record PublicRule(
    string Id,
    string Title,
    IReadOnlyList<string> Actions,
    string Criteria,
    IReadOnlyList<string> Basis,
    int DeadlineWorkingDays,
    IReadOnlyList<string> Materials,
    bool CounselOpinion);

/// <summary>A point every review examines.</summary>
/// <param name="Title">The point.</param>
/// <param name="Question">What is asked.</param>
public sealed record PublicReviewPoint(string Title, string Question);

/// <summary>A version of a department's catalogue.</summary>
/// <param name="Version">The version.</param>
/// <param name="EffectiveFrom">The first day in force.</param>
/// <param name="EffectiveTo">The last day in force, or null.</param>
/// <param name="Revision">The revision.</param>
/// <param name="InForce">Whether it is in force on the day of publication.</param>
public sealed record PublicVersion(string Version, string EffectiveFrom, string? EffectiveTo, string Revision, bool InForce);
