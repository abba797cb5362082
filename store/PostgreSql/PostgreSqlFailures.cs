using System.Net.Sockets;
using Npgsql;

namespace Fashen.Store.PostgreSql;

/// <summary>Which database errors mean "the store is unavailable, retry" rather than a fault in Fashen, and which of
/// them mean the connection itself is gone (so that the pool's other connections are likely gone too).</summary>
internal static class PostgreSqlFailures
{
    /// <summary>Tells whether the connection is gone: the server closed it (a restart, a failover, an administrator
    /// ending the session) or the network did, or a new one could not be opened.</summary>
    /// <param name="exception">The error.</param>
    /// <returns>True when the connection is gone.</returns>
    public static bool IsConnectionLost(NpgsqlException exception) => exception switch
    {
        // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 25P03 the session was ended for idling in a
        // transaction (this instance was paused holding it; what it did is rolled back), class 08 connection exceptions.
        PostgresException postgres => postgres.SqlState is "57P01" or "57P02" or "57P03" or "25P03" || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        _ => exception.InnerException is IOException or SocketException or EndOfStreamException,
    };

    /// <summary>Tells whether an error means the store is unavailable for now: the connection is gone, or a bound on
    /// waiting was reached, or the server is out of connections.</summary>
    /// <param name="exception">The error.</param>
    /// <returns>True when a retry later may succeed.</returns>
    public static bool IsUnavailable(NpgsqlException exception) =>
        IsConnectionLost(exception)
        || exception is PostgresException
        {
            // 55P03 lock_not_available (lock_timeout), 57014 query_canceled (statement_timeout), 53300 too_many_connections.
            SqlState: "55P03" or "57014" or "53300",
        }
        || exception is not PostgresException && exception.IsTransient;

    /// <summary>Describes an unavailability for the log and the exception handler.</summary>
    /// <param name="exception">The error.</param>
    /// <param name="mayHaveWritten">Whether a commit was under way.</param>
    /// <returns>The exception to throw.</returns>
    public static StoreUnavailableException Unavailable(NpgsqlException exception, bool mayHaveWritten) => new(
        exception is PostgresException { SqlState: "55P03" }
            ? "在锁等待时限内没有取得全过程记录的写入锁（另一实例持有它未释放）。"
            : $"PostgreSQL 暂不可用：{exception.Message}",
        mayHaveWritten,
        exception);
}
