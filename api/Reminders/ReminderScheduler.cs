using Fashen.Engine.Reviews;

namespace Fashen.Api.Reminders;

/// <summary>Sends the deadline reminders (<see cref="ReviewService.SendReminders"/>) every <see cref="FashenOptions.ReminderInterval"/>,
/// from <see cref="FashenOptions.ReminderHour"/> o'clock each day where the reviews are made, so that a reminder reaches the
/// office's messaging system in working hours. Each reminder is sent once per review and due date, whichever instance sends it.</summary>
internal sealed class ReminderScheduler(ReviewService reviews, ReviewOptions reviewOptions, TimeProvider clock, FashenOptions options, ILogger<ReminderScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Reminders)
        {
            return;
        }

        try
        {
            // A moment after start-up, so that opening the store and loading the catalogues go first.
            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (TimeZoneInfo.ConvertTime(clock.GetUtcNow(), reviewOptions.TimeZone).Hour >= options.ReminderHour
                        && reviews.SendReminders() is { Count: > 0 } sent)
                    {
                        logger.LogInformation("已发出 {Count} 条期限提醒。", sent.Count);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The store may be away for a while: the next turn sends what this one could not.
                    logger.LogWarning(exception, "期限提醒暂时未能发出，稍后重试。");
                }

                await Task.Delay(options.ReminderInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
