using Fashen.Engine.Reviews;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fashen.Api.Catalogues;

/// <summary>Readiness, degraded (still ready): the working-day calendar does not reach far enough ahead. Deadlines
/// that fall in a year whose State Council arrangement is not loaded are provisional (暂定, from the statutory holidays,
/// no 调休), shown as such and computed again once it is loaded, so the legal office should load it. Monitoring
/// sees "Degraded" and the log says which year is missing, once when it starts missing (not at every probe).</summary>
/// <param name="catalogues">The catalogues in force, with their calendar.</param>
/// <param name="service">For today's date in the service's time zone.</param>
/// <param name="logger">Where the problem is written when it appears.</param>
internal sealed class CalendarHealthCheck(CatalogueProvider catalogues, ReviewService service, ILogger<CalendarHealthCheck> logger) : IHealthCheck
{
    // Longer than any review's deadline with its extension (well under two months of calendar days), and time
    // enough to load the arrangement, which the State Council publishes in November or December.
    private const int DaysAhead = 60;

    // The problem last written to the log; a load balancer probes every few seconds.
    private string? _reported;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problem = Problem();
        if (problem != Interlocked.Exchange(ref _reported, problem) && problem is not null)
        {
            logger.LogWarning("{Problem}", problem);
        }

        return Task.FromResult(problem is null ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded(problem));
    }

    private string? Problem()
    {
        var today = service.Today;
        var horizon = today.AddDays(DaysAhead);
        if (catalogues.Current.Calendar is not { } calendar)
        {
            return "未载入节假日安排（holidays.yaml），无法按工作日计算审核时限。";
        }

        var missing = Enumerable.Range(today.Year, horizon.Year - today.Year + 1).Where(year => calendar.For(year) is null).ToList();
        return missing.Count == 0
            ? null
            : $"{string.Join("、", missing)} 年的法定节假日安排尚未载入，而今后 {DaysAhead} 天内的审核时限会用到它：" +
              "请在 holidays.yaml 中加入国务院办公厅公布的安排并重新载入；载入之前，落在该年的截止日期按法定节假日暂定（调休未计），" +
              "载入后重新计算并记入全过程记录。";
    }
}
