using System.Net.Sockets;
using Npgsql;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// Tells the database being unable to serve now — no pooled connection free in time, the server down, restarting or
/// out of connection slots, a connection dropped under a query — from a fault of the request or the code. The first is
/// answered 503 with Retry-After: the client may simply try again.
/// </summary>
internal static class DatabaseUnavailable
{
    /// <summary>Seconds a client is asked to wait: a restart takes about a second, a burst's queue a few.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                // 53300 too_many_connections; class 57P shutdown or starting up; class 08 connection exceptions.
                case PostgresException postgres:
                    return postgres.SqlState is PostgresErrorCodes.TooManyConnections
                        || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);

                // The pool's wait or the connect timed out, the server refused or closed the connection.
                case NpgsqlException { InnerException: TimeoutException or SocketException or IOException }:
                    return true;
            }
        }

        return false;
    }
}
