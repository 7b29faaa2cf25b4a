using DualPrevention.Testing;
using Npgsql;

namespace DualPrevention.IntegrationTests.Faults;

/// <summary>
/// A transaction of the test's own that holds a row lock a job's statement must wait for — an uncommitted row with the
/// key the statement is about to write, or a row it references locked <c>FOR UPDATE</c> — so the app can be killed
/// while that statement is running, at a point the test sees in <c>pg_stat_activity</c> rather than guesses by a timer.
/// Disposing rolls the transaction back.
/// </summary>
internal sealed class HeldLock : IAsyncDisposable
{
    private readonly FaultDatabase _database;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly int _pid;

    private HeldLock(FaultDatabase database, NpgsqlConnection connection, NpgsqlTransaction transaction, int pid)
    {
        _database = database;
        _connection = connection;
        _transaction = transaction;
        _pid = pid;
    }

    /// <summary>Runs <paramref name="sql"/> as the owner in a transaction left open.</summary>
    public static async Task<HeldLock> TakeAsync(FaultDatabase database, string sql, params (string Name, object Value)[] parameters)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.OwnerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows++;
            }

            rows += Math.Max(reader.RecordsAffected, 0);
        }

        rows.ShouldBeGreaterThan(0, "the lock holds a row");
        return new HeldLock(database, connection, transaction, connection.ProcessID);
    }

    /// <summary>
    /// Waits until one of the app's sessions runs a statement on <paramref name="table"/> that waits for this lock;
    /// with <paramref name="afterWriting"/>, one whose transaction has already written (it has a transaction id). Fails
    /// at once when <paramref name="job"/>'s run failed instead of reaching the statement.
    /// </summary>
    public Task WaitUntilBlockingAsync(string table, bool afterWriting, AppProcess app, FaultDatabase.FailedRun? job = null) =>
        _database.WaitUntilAsync(
            $"an app statement on {table} waiting for the test's lock{(afterWriting ? " after writing" : "")}",
            """
            SELECT count(*) FROM pg_stat_activity
            WHERE application_name = 'dualprevention' AND @holder = ANY(pg_blocking_pids(pid))
              AND query ILIKE @table AND (NOT @after_writing OR backend_xid IS NOT NULL)
            """,
            app,
            job,
            ("holder", _pid),
            ("table", $"%{table}%"),
            ("after_writing", afterWriting));

    /// <summary>Whether the app's statement on <paramref name="table"/> that waits for this lock runs in a transaction that has written.</summary>
    public async Task<bool> BlockedTransactionHasWrittenAsync(string table) =>
        await _database.CountAsync(
            """
            SELECT count(*) FROM pg_stat_activity
            WHERE application_name = 'dualprevention' AND @holder = ANY(pg_blocking_pids(pid))
              AND query ILIKE @table AND backend_xid IS NOT NULL
            """,
            ("holder", _pid),
            ("table", $"%{table}%")) > 0;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _transaction.RollbackAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // A server restart ended the connection, and its transaction with it.
        }

        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
