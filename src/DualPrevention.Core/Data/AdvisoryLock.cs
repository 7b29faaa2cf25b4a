using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Data;

/// <summary>
/// One advisory lock of <see cref="AdvisoryLocks"/>: a pair of 32-bit keys, or a name hashed by PostgreSQL into one
/// 64-bit key (<c>hashtextextended(name, 0)</c>).
/// </summary>
public sealed record AdvisoryLock
{
    private AdvisoryLock(string keySql) => KeySql = keySql;

    /// <summary>The lock's key as the arguments of <c>pg_advisory_xact_lock</c>, e.g. <c>7401, 1</c>.</summary>
    public string KeySql { get; }

    /// <summary>The statement that waits for the lock and holds it until the transaction ends.</summary>
    public string TakeSql => $"SELECT pg_advisory_xact_lock({KeySql})";

    internal static AdvisoryLock Pair(int key1, int key2) => new(FormattableString.Invariant($"{key1}, {key2}"));

    /// <summary>A lock keyed by <paramref name="name"/>, which holds letters, digits, '-', ':' and ids only.</summary>
    internal static AdvisoryLock Named(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ':')
            ? new($"hashtextextended('{name}', 0)")
            : throw new ArgumentException($"An advisory lock name holds letters, digits, '-' and ':' only: {name}", nameof(name));

    /// <summary>Waits for the lock inside <paramref name="db"/>'s current transaction.</summary>
    public Task TakeAsync(DbContext db, CancellationToken cancellationToken) => db.Database.ExecuteSqlRawAsync(TakeSql, cancellationToken);
}
