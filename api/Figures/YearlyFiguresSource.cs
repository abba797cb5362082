using System.Collections.Concurrent;
using Fashen.Engine.Figures;
using Fashen.Engine.Reviews;

namespace Fashen.Api.Figures;

/// <summary>The yearly figures the service publishes: only for years that are over, each computed once from the record and kept,
/// since a year's figures count only that year's entries and so cannot change afterwards. The public may ask any number of times;
/// the record is walked once per year.</summary>
/// <param name="store">The record.</param>
/// <param name="service">The reviews, for today, the catalogues and the working calendar.</param>
/// <param name="options">The review options, for the time zone.</param>
public sealed class YearlyFiguresSource(IReviewStore store, ReviewService service, ReviewOptions options)
{
    private readonly ConcurrentDictionary<int, Lazy<IReadOnlyList<YearlyFigures>>> _years = new();
    private int? _firstYear;

    /// <summary>Gets the last year that is over.</summary>
    public int LastYear => service.Today.Year - 1;

    /// <summary>Gets the first year the record holds, or null when it is empty; read once, since the record's first entry stays first.</summary>
    /// <returns>The year.</returns>
    public int? FirstYear() => _firstYear ??= store.ReadAll().FirstOrDefault() is { } first ? options.LocalDay(first.At).Year : null;

    /// <summary>Gets a year's figures, when the year is over and within the record.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The figures, or null.</returns>
    public IReadOnlyList<YearlyFigures>? Find(int year)
    {
        if (year > LastYear || FirstYear() is not { } first || year < first)
        {
            return null;
        }

        return _years.GetOrAdd(year, y => new Lazy<IReadOnlyList<YearlyFigures>>(
            () => YearlyFiguresCounter.Compute(store.ReadAll(), y, service.Catalogues.Calendar, options.TimeZone))).Value;
    }
}
