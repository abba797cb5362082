using Fashen.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fashen.Api.Records;

/// <summary>Readiness: the store answers a read of the record's head and, once a write has failed for want of the store,
/// can take the record's lock again. A store that cannot be read (LiteDB closes its engine after a disk error, PostgreSQL
/// unreachable) or written (another instance holds the record's lock past the lock timeout) fails every request that
/// records something, so the instance must leave the load balancer's rotation rather than answer 503s.</summary>
/// <param name="store">The store.</param>
internal sealed class StoreHealthCheck(IFashenStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            store.Head();
            return Task.FromResult(store.WriteProblem() is { } problem
                ? HealthCheckResult.Unhealthy($"记录存储可以读取，但无法写入：{problem}")
                : HealthCheckResult.Healthy());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("记录存储无法读取。", exception));
        }
    }
}
