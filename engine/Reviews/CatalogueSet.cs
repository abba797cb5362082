using Fashen.Engine.Calendar;
using Fashen.Engine.Classification;

namespace Fashen.Engine.Reviews;

/// <summary>The catalogues in force: one compiled classifier per department and the working-day calendar.</summary>
/// <remarks>Immutable: a reload builds a new set and swaps it in whole, so a request that started with one
/// set finishes with it.</remarks>
/// <param name="Classifiers">The classifiers, by department id.</param>
/// <param name="Calendar">The holiday calendar, or null when none is loaded.</param>
public sealed record CatalogueSet(IReadOnlyDictionary<string, Classifier> Classifiers, WorkingCalendar? Calendar)
{
    /// <summary>Gets an empty set.</summary>
    public static CatalogueSet Empty { get; } = new(new Dictionary<string, Classifier>(), null);
}

/// <summary>Gives the catalogues in force now.</summary>
public interface ICatalogueSource
{
    /// <summary>Gets the catalogues in force now.</summary>
    CatalogueSet Current { get; }
}
