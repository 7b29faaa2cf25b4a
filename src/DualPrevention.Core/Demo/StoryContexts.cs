using System.Data.Common;
using DualPrevention.Core.Data;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Demo;

/// <summary>
/// Hands the use-case handlers contexts that all work on the story's one open connection inside its one transaction:
/// each handler still opens, saves and disposes its own context, but nothing is committed until the whole story is,
/// so a crash half-way leaves no half story behind. Each context is made under the scope of the person acting
/// (<see cref="Acting"/>), so the handler's query filter and the audit trail see that person; the connection's
/// session, opened by the story, carries the system scope for row-level security.
/// </summary>
internal sealed class StoryContexts(
    IDbContextFactory<DualPreventionDbContext> inner, TenantScopeAccessor scope, DbConnection connection, DbTransaction transaction)
    : IDbContextFactory<DualPreventionDbContext>
{
    /// <summary>The scope the next contexts are made under.</summary>
    public TenantScope Acting { get; set; } = TenantScope.System;

    public DualPreventionDbContext CreateDbContext()
    {
        var previous = scope.Current;
        scope.Current = Acting;
        try
        {
            var db = inner.CreateDbContext();
            db.Database.SetDbConnection(connection, contextOwnsConnection: false);
            db.Database.UseTransaction(transaction);
            return db;
        }
        finally
        {
            scope.Current = previous;
        }
    }
}
