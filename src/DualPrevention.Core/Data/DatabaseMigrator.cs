using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DualPrevention.Core.Data;

/// <summary>
/// Brings a database up to date as the table owner: applies EF migrations (which carry the row-level-security
/// policies), grants the application role what it may do — no UPDATE or DELETE on the audit trail, no writes to
/// the migration history — lets it read and write (never create in) the <c>hangfire</c> schema, only insert into the
/// track's day partitions (ADR 0038: the fix consumer's COPY; reads go through the parent's policy), and upserts the reference data (regions, roles, risk band tables, holiday calendar, major-hidden-danger criteria, escalation ladder). Idempotent.
/// The host installs Hangfire's tables as the owner right after (the web host's <c>HangfireSchema</c>; Core does not
/// reach Hangfire); tables made there get the app role's rights from the default privileges set here (ADR 0022).
/// </summary>
public sealed class DatabaseMigrator(TimeProvider clock, ILogger<DatabaseMigrator> logger)
{
    /// <param name="ownerConnectionString">Logs in as the role that owns (or will own) the tables.</param>
    /// <param name="appRole">The role the application connects as; must exist and must not own the tables.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task MigrateAsync(string ownerConnectionString, string appRole, CancellationToken cancellationToken)
    {
        await using var db = CreateOwnerContext(ownerConnectionString);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Applying {MigrationCount} migration(s): {Migrations}", pending.Count, pending);
        await db.Database.MigrateAsync(cancellationToken);
        await GrantAsync(db, appRole, cancellationToken);
        await WarnOfObjectsOwnedByAsync(db, appRole, cancellationToken);
        var regions = await SeedRegions.RunAsync(db, cancellationToken);
        await SeedRoles.RunAsync(db, cancellationToken);
        await SeedRiskBandTables.RunAsync(db, clock.GetUtcNow(), cancellationToken);
        await SeedDirectJudgementRules.RunAsync(db, clock.GetUtcNow(), cancellationToken);
        await SeedHolidayCalendar.RunAsync(db, clock.GetUtcNow(), logger, cancellationToken);
        await SeedMajorHiddenDangerCriteria.RunAsync(db, cancellationToken);
        await SeedEscalationRules.RunAsync(db, cancellationToken);
        await Permits.SeedPermitMeasureTemplates.RunAsync(db, cancellationToken);
        await MajorHazards.SeedHazardousChemicals.RunAsync(db, clock.GetUtcNow(), cancellationToken);
        logger.LogInformation("Reference data ready: {RegionCount} regions", regions);
    }

    /// <summary>A system-scoped context on the owner's connection, for migrations and seeding.</summary>
    public DualPreventionDbContext CreateOwnerContext(string ownerConnectionString)
    {
        var options = new DbContextOptionsBuilder<DualPreventionDbContext>();
        DataServiceCollectionExtensions.Configure(
            options, ownerConnectionString, new TenantScopeConnectionInterceptor(), new AuditInterceptor(clock));
        return new DualPreventionDbContext(options.Options, new TenantScopeAccessor(TenantScope.System));
    }

    /// <summary>
    /// Before ADR 0022 the app role made Hangfire's tables itself and owns them where they were made then; only a
    /// superuser can hand them over, so the migrator names the fix instead of failing.
    /// </summary>
    private async Task WarnOfObjectsOwnedByAsync(DualPreventionDbContext db, string appRole, CancellationToken cancellationToken)
    {
        var owned = await db.Database
            .SqlQuery<string>($"SELECT n.nspname || '.' || c.relname AS \"Value\" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE pg_get_userbyid(c.relowner) = {appRole} AND c.relkind IN ('r', 'S') ORDER BY 1")
            .ToListAsync(cancellationToken);
        if (owned.Count > 0)
        {
            logger.LogWarning(
                "The application role {AppRole} owns {ObjectCount} object(s), e.g. {Objects}: row-level security does not bind an owner. As a superuser, run REASSIGN OWNED BY (the app role) TO (the owner role) in this database, then migrate again",
                appRole, owned.Count, owned.Take(5));
        }
    }

    private static async Task GrantAsync(DualPreventionDbContext db, string appRole, CancellationToken cancellationToken)
    {
        var role = new NpgsqlCommandBuilder().QuoteIdentifier(appRole);
#pragma warning disable EF1002 // The role name is quoted as an identifier above; it cannot be a parameter in DDL.
        await db.Database.ExecuteSqlRawAsync(
            $"""
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM {role};
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON __ef_migrations_history FROM {role};
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
            CREATE SCHEMA IF NOT EXISTS hangfire;
            REVOKE CREATE ON SCHEMA hangfire FROM {role};
            GRANT USAGE ON SCHEMA hangfire TO {role};
            ALTER DEFAULT PRIVILEGES IN SCHEMA hangfire GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role};
            ALTER DEFAULT PRIVILEGES IN SCHEMA hangfire GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA hangfire TO {role};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA hangfire TO {role};
            GRANT USAGE ON SCHEMA position_sample_days TO {role};
            ALTER DEFAULT PRIVILEGES IN SCHEMA position_sample_days GRANT INSERT ON TABLES TO {role};
            GRANT INSERT ON ALL TABLES IN SCHEMA position_sample_days TO {role};
            """,
            cancellationToken);
#pragma warning restore EF1002
    }
}
