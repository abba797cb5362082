namespace Fashen.Engine.Calendar;

/// <summary>When a review must be finished (审核时限).</summary>
/// <param name="WorkingDays">The deadline in working days.</param>
/// <param name="MaterialsCompleteOn">The day the materials were complete; counting starts the day after.</param>
/// <param name="StartsOn">The first working day counted.</param>
/// <param name="DueDate">The last day of the review.</param>
/// <param name="ExtensionWorkingDays">How many working days one extension may add; 0 when none is allowed.</param>
/// <param name="ProvisionalReason">Why the due date is provisional (暂定: a year's holiday arrangement not loaded), or null.</param>
public sealed record ReviewDeadline(
    int WorkingDays,
    DateOnly MaterialsCompleteOn,
    DateOnly StartsOn,
    DateOnly DueDate,
    int ExtensionWorkingDays,
    string? ProvisionalReason = null);
