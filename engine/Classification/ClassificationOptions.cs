using Fashen.Engine.Calendar;
using Fashen.Grammar.Text;

namespace Fashen.Engine.Classification;

/// <summary>What a classification should add beyond the conclusion.</summary>
/// <param name="MaterialsCompleteOn">The day the submitted materials were complete; with a calendar,
/// the deadline of a major decision is counted from the next working day.</param>
/// <param name="Calendar">The working-day calendar.</param>
/// <param name="NearMisses">How many non-matching rules to explain; the default value is 3.</param>
/// <param name="DateOrigin">Where <paramref name="MaterialsCompleteOn"/> came from, for diagnostics.</param>
public sealed record ClassificationOptions(
    DateOnly? MaterialsCompleteOn = null,
    WorkingCalendar? Calendar = null,
    int NearMisses = 3,
    SourceSpan? DateOrigin = null)
{
    /// <summary>Gets options that add near misses but no deadline.</summary>
    public static ClassificationOptions Default { get; } = new();
}
