using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>Due dates that wait on the working calendar.</summary>
public sealed partial class ReviewService
{
    /// <summary>Computes again every due date that waits on the calendar — provisional (暂定, from the statutory holidays) or
    /// unknown — once the catalogues, with the holiday arrangement, are loaded: a due date that changes or becomes official is
    /// recorded (<see cref="DeadlineRecomputed"/>), so the record shows what the reviewer was told and when it changed.</summary>
    /// <returns>How many reviews got a new due date.</returns>
    public int RecomputeDeadlines()
    {
        if (_catalogues.Current.Calendar is not { } calendar)
        {
            return 0;
        }

        // A provisional due date lies in a year not loaded when it was computed: this year or later.
        var today = Today;
        var candidates = _store.ReviewIndex()
            .Where(e => !e.State.IsClosed() && e.Running && (e.DueDate is null || e.DueDate.Value.Year >= today.Year))
            .Select(e => e.ReviewId)
            .ToList();
        var changed = 0;
        foreach (var id in candidates)
        {
            if (Load(id) is not { Deadline: { AwaitsCalendar: true, MaterialsCompleteOn: { } complete } deadline } review)
            {
                continue;
            }

            var (starts, due, _, provisional) = StartClock(complete, deadline.TotalWorkingDays - deadline.ConsumedWorkingDays, calendar);
            if (due is not { } newDue || (newDue == deadline.DueDate && provisional == deadline.DueProvisionalReason))
            {
                continue;
            }

            // A review that changed meanwhile is left for the next load; its own change computed its deadline anew.
            if (Commit(review, review.Version, Actor.System, [new DeadlineRecomputed(starts, newDue, deadline.DueDate, provisional)]).Succeeded)
            {
                changed++;
            }
        }

        return changed;
    }
}
