using Fashen.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fashen.Api.Records;

/// <summary>Readiness: the store answers a read of the record's head. A store that cannot be read (LiteDB closes
/// its engine after a disk error, PostgreSQL unreachable) fails every request that records something, so the
/// instance must leave the load balancer's rotation rather than answer 500s.</summary>
/// <param name="store">The store.</param>
internal sealed class StoreHealthCheck(IFashenStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            store.Head();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("记录存储无法读取。", exception));
        }
    }
}
