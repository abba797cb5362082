using System.Text.Json.Nodes;
using Fashen.Engine.Records;

namespace Fashen.Engine.Reviews;

/// <summary>Reminders of deadlines: a review due today or on the next working day reminds its reviewer
/// (<c>reminder.due_soon</c>, on the working day before and on the day); an overdue review notifies the heads of the office
/// (<c>reminder.overdue</c>). Each is an entry of the record, once per review and due date (an extension's new due date reminds
/// again), so that it can be shown that the
/// office was told, and so that webhooks carry it to an office's messaging system like any other event.</summary>
public sealed partial class ReviewService
{
    /// <summary>The record entry reminding a reviewer of a review due today or on the next working day.</summary>
    public const string DueSoonReminder = "reminder.due_soon";

    /// <summary>The record entry telling the heads that a review is overdue.</summary>
    public const string OverdueReminder = "reminder.overdue";

    /// <summary>Records the reminders due now and not yet sent: for every open review whose clock runs and that is due within a
    /// working day or overdue.</summary>
    /// <returns>The reminder entries recorded now.</returns>
    public IReadOnlyList<AuditEntry> SendReminders()
    {
        var today = Today;
        var next = NextWorkingDay(today);
        var sent = new List<AuditEntry>();
        foreach (var (due, type) in new[] { (DueState.DueSoon, DueSoonReminder), (DueState.Overdue, OverdueReminder) })
        {
            // Every page is read before any is written: a reminder does not change the review, so the pages do not move.
            var reviews = new List<ReviewIndexEntry>();
            for (var page = 1; ; page++)
            {
                var found = _store.Query(new ReviewQuery { Due = due, Today = today, NextWorkingDay = next, Page = page, PageSize = 200 });
                reviews.AddRange(found.Items);
                if (found.Items.Count < 200)
                {
                    break;
                }
            }

            foreach (var review in reviews)
            {
                if (Remind(review, type, today) is { } entry)
                {
                    sent.Add(entry);
                }
            }
        }

        return sent;
    }

    /// <summary>Counts the caller's reminders for the queue: the reviews they hold due today, due on the next working day, and
    /// overdue; for a head, every overdue review of their departments and every opinion waiting for their confirmation.</summary>
    /// <param name="caller">Who signed in.</param>
    /// <returns>What to remind them of.</returns>
    public DeskReminders RemindersFor(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var today = Today;
        int Count(ReviewQuery query) => Query(caller, query with { PageSize = 1 }).Value?.Total ?? 0;
        if (caller.IsCaseSystem)
        {
            return new DeskReminders(0, 0, 0, 0, 0);
        }

        var mine = caller.Has(Role.Reviewer)
            ? Query(caller, new ReviewQuery { ReviewerId = caller.Actor.Id, Due = DueState.DueSoon, PageSize = 200 }).Value?.Items ?? []
            : [];
        return new DeskReminders(
            mine.Count(r => r.DueDate == today),
            mine.Count(r => r.DueDate > today),
            caller.Has(Role.Reviewer) ? Count(new ReviewQuery { ReviewerId = caller.Actor.Id, Due = DueState.Overdue }) : 0,
            caller.Has(Role.Head) ? Count(new ReviewQuery { Due = DueState.Overdue }) : 0,
            caller.Has(Role.Head) ? Count(new ReviewQuery { States = [ReviewState.AwaitingConfirmation] }) : 0);
    }

    private AuditEntry? Remind(ReviewIndexEntry review, string type, DateOnly today)
    {
        var dueDate = Classification.Formatting.Date(review.DueDate!.Value);
        // Once per review and due date; a review due soon is reminded of the working day before and again on the day.
        var key = $"{type}:{review.ReviewId}:{dueDate}" + (type == DueSoonReminder && review.DueDate == today ? ":today" : string.Empty);
        if (_store.FindIdempotency("reminder", Actor.System.Id, key) is not null)
        {
            return null;
        }

        var data = new JsonObject
        {
            ["caseId"] = review.CaseId,
            ["dueDate"] = dueDate,
            ["dueToday"] = review.DueDate == today,
            ["state"] = review.State.ToWire(),
            ["reviewer"] = review.ReviewerId is { } id ? new JsonObject { ["id"] = id, ["name"] = review.ReviewerName } : null,
            ["notify"] = type == OverdueReminder ? "heads" : review.ReviewerId is null ? "reviewers" : "reviewer",
        };
        var outcome = _store.Append(new AppendBatch(
            _clock.GetUtcNow(),
            [new PendingEntry(type, review.ReviewId, review.Department, Actor.System, CanonicalJson.Serialize(data))],
            Idempotency: new IdempotencyRecord("reminder", Actor.System.Id, key, CanonicalJson.Hash(key), review.ReviewId)));

        // Another instance sent it meanwhile: the key is taken, and that is the one reminder.
        return outcome.Status == AppendStatus.Appended ? outcome.Entries[0] : null;
    }
}

/// <summary>What the queue reminds a person of when they sign in.</summary>
/// <param name="DueToday">Reviews they hold that are due today.</param>
/// <param name="DueNextWorkingDay">Reviews they hold that are due on the next working day.</param>
/// <param name="OverdueMine">Reviews they hold that are overdue.</param>
/// <param name="OverdueInOffice">For a head: overdue reviews of their departments.</param>
/// <param name="AwaitingConfirmation">For a head: opinions waiting for their confirmation.</param>
public sealed record DeskReminders(int DueToday, int DueNextWorkingDay, int OverdueMine, int OverdueInOffice, int AwaitingConfirmation)
{
    /// <summary>Gets a value indicating whether there is anything to remind of.</summary>
    public bool Any => DueToday + DueNextWorkingDay + OverdueMine + OverdueInOffice + AwaitingConfirmation > 0;
}
