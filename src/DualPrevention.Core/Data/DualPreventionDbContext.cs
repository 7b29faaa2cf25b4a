using System.Linq.Expressions;
using System.Text.Json;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Imports;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.MajorHazards;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Notifications.GroupRobots;
using DualPrevention.Core.Photos;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Reports.Statistics;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Data;

/// <summary>
/// The one DbContext: domain, Identity and Data Protection keys. Every instance carries the
/// <see cref="TenantScope"/> it was created under; tenant-owned entities get the named query filter
/// <see cref="TenantFilter"/>, and <see cref="TenantScopeConnectionInterceptor"/> hands the same scope to
/// PostgreSQL row-level security.
/// </summary>
public sealed class DualPreventionDbContext(DbContextOptions<DualPreventionDbContext> options, ITenantScopeAccessor scopeAccessor)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Name of the tenant query filter; code never lifts it (Core.Tests/Tenancy/QueryFilterBypassTests).</summary>
    public const string TenantFilter = "Tenant";

    /// <summary>Name of the filter that hides soft-deleted register rows.</summary>
    public const string SoftDeleteFilter = "SoftDelete";

    /// <summary>
    /// For <c>IgnoreQueryFilters(SoftDeleteOnly)</c>: reads soft-deleted rows too while the tenant filter stays on
    /// (IntegrationTests/Tenancy/SoftDeleteBypassTests).
    /// </summary>
    public static readonly IReadOnlyCollection<string> SoftDeleteOnly = [SoftDeleteFilter];

    /// <summary>The scope this context filters by, fixed for its lifetime.</summary>
    public TenantScope Scope { get; } = scopeAccessor.Current;

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<ChemicalPark> ChemicalParks => Set<ChemicalPark>();

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<MajorHazardSource> MajorHazardSources => Set<MajorHazardSource>();

    public DbSet<HazardousChemical> HazardousChemicals => Set<HazardousChemical>();

    public DbSet<MajorHazardSubstance> MajorHazardSubstances => Set<MajorHazardSubstance>();

    public DbSet<MajorHazardCalculation> MajorHazardCalculations => Set<MajorHazardCalculation>();

    public DbSet<RiskAnalysisObject> RiskAnalysisObjects => Set<RiskAnalysisObject>();

    public DbSet<RiskAnalysisUnit> RiskAnalysisUnits => Set<RiskAnalysisUnit>();

    public DbSet<RiskEvent> RiskEvents => Set<RiskEvent>();

    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();

    public DbSet<ControlMeasure> ControlMeasures => Set<ControlMeasure>();

    public DbSet<RiskBandTable> RiskBandTables => Set<RiskBandTable>();

    public DbSet<DirectJudgementRule> DirectJudgementRules => Set<DirectJudgementRule>();

    public DbSet<ImportMappingProfile> ImportMappingProfiles => Set<ImportMappingProfile>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<HolidayCalendarDay> HolidayCalendarDays => Set<HolidayCalendarDay>();

    public DbSet<DeactivationRecord> DeactivationRecords => Set<DeactivationRecord>();

    public DbSet<InspectionTaskDefinition> InspectionTaskDefinitions => Set<InspectionTaskDefinition>();

    public DbSet<InspectionTask> InspectionTasks => Set<InspectionTask>();

    public DbSet<InspectionRecord> InspectionRecords => Set<InspectionRecord>();

    public DbSet<InspectionGenerationMark> InspectionGenerationMarks => Set<InspectionGenerationMark>();

    public DbSet<Photo> Photos => Set<Photo>();

    public DbSet<HiddenDanger> HiddenDangers => Set<HiddenDanger>();

    public DbSet<MajorHiddenDangerCase> MajorHiddenDangerCases => Set<MajorHiddenDangerCase>();

    public DbSet<HiddenDangerHistoryEntry> HiddenDangerHistory => Set<HiddenDangerHistoryEntry>();

    public DbSet<DeadlineExtensionRequest> DeadlineExtensionRequests => Set<DeadlineExtensionRequest>();

    public DbSet<MajorHiddenDangerCriterion> MajorHiddenDangerCriteria => Set<MajorHiddenDangerCriterion>();

    public DbSet<EscalationRule> EscalationRules => Set<EscalationRule>();

    public DbSet<EscalationRecord> EscalationRecords => Set<EscalationRecord>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();

    public DbSet<InspectionDailyStatistic> InspectionDailyStatistics => Set<InspectionDailyStatistic>();

    public DbSet<StatisticsRefreshMark> StatisticsRefreshMarks => Set<StatisticsRefreshMark>();

    public DbSet<ReportExport> ReportExports => Set<ReportExport>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private bool ScopeIsSystem => Scope.Kind == TenantScopeKind.System;

    private Guid? ScopeEnterpriseId => Scope.EnterpriseId;

    private string? ScopeRegionPrefix => Scope.RegionPrefix;

    /// <summary>A province's regulators (the platform administrator among them) read the platform's own audit rows, which
    /// belong to no enterprise and no region: sign-ins of unknown names and their throttles (ADR 0017).</summary>
    private bool ScopeIsProvince => Scope.RegionPrefix is { Length: 2 };

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DualPreventionDbContext).Assembly);

        // Tables are named by the singular entity, snake_case (enterprise, audit_entry), not by the DbSet.
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.ClrType.Namespace?.StartsWith("DualPrevention.", StringComparison.Ordinal) == true))
        {
            entityType.SetTableName(JsonNamingPolicy.SnakeCaseLower.ConvertName(entityType.ClrType.Name));
        }

        builder.Entity<ApplicationUser>().ToTable("app_user");
        builder.Entity<IdentityRole<Guid>>().ToTable("app_role");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("app_role_claim");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("app_user_claim");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("app_user_login");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("app_user_role");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("app_user_token");

        builder.Entity<Enterprise>().HasQueryFilter(TenantFilter, e =>
            ScopeIsSystem
            || e.Id == ScopeEnterpriseId
            || (ScopeRegionPrefix != null && e.RegionCode.StartsWith(ScopeRegionPrefix)));
        builder.Entity<ReportExport>().HasQueryFilter(TenantFilter, r =>
            ScopeIsSystem
            || (r.EnterpriseId != null && r.EnterpriseId == ScopeEnterpriseId)
            || (ScopeRegionPrefix != null && r.RegionCode.StartsWith(ScopeRegionPrefix)));
        builder.Entity<Notification>().HasQueryFilter(TenantFilter, n =>
            ScopeIsSystem
            || (n.EnterpriseId != null && n.EnterpriseId == ScopeEnterpriseId)
            || (ScopeRegionPrefix != null && n.RegionCode.StartsWith(ScopeRegionPrefix)));
        builder.Entity<GroupRobot>().HasQueryFilter(TenantFilter, r =>
            ScopeIsSystem
            || (r.EnterpriseId != null && r.EnterpriseId == ScopeEnterpriseId)
            || (ScopeRegionPrefix != null && r.RegionCode.StartsWith(ScopeRegionPrefix)));
        // The seeded Table 1 rows (no enterprise) are every tenant's; an enterprise's own substances are its own (ADR 0047).
        builder.Entity<HazardousChemical>().HasQueryFilter(TenantFilter, c =>
            ScopeIsSystem
            || c.EnterpriseId == null
            || c.EnterpriseId == ScopeEnterpriseId
            || (ScopeRegionPrefix != null && c.RegionCode != null && c.RegionCode.StartsWith(ScopeRegionPrefix)));
        builder.Entity<AuditEntry>().HasQueryFilter(TenantFilter, a =>
            ScopeIsSystem
            || (a.EnterpriseId != null && a.EnterpriseId == ScopeEnterpriseId)
            || (ScopeRegionPrefix != null && a.RegionCode != null && a.RegionCode.StartsWith(ScopeRegionPrefix))
            || (ScopeRegionPrefix != null && a.RegionCode == null && Set<Enterprise>().Any(e => e.Id == a.EnterpriseId))
            || (ScopeIsProvince && a.EnterpriseId == null && a.RegionCode == null));

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType))
            {
                builder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, TenantOwnedFilter(entityType.ClrType));
            }

            if (typeof(RegisterRow).IsAssignableFrom(entityType.ClrType))
            {
                builder.Entity(entityType.ClrType).HasQueryFilter(SoftDeleteFilter, NotDeletedFilter(entityType.ClrType));
            }
        }
    }

    private static LambdaExpression NotDeletedFilter(Type entityType)
    {
        var row = Expression.Parameter(entityType, "row");
        return Expression.Lambda(Expression.Not(Expression.Property(row, nameof(RegisterRow.IsDeleted))), row);
    }

    private LambdaExpression TenantOwnedFilter(Type entityType)
    {
        var method = typeof(DualPreventionDbContext)
            .GetMethod(nameof(TenantOwnedFilterOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(entityType);
        return (LambdaExpression)method.Invoke(this, null)!;
    }

    private Expression<Func<T, bool>> TenantOwnedFilterOf<T>()
        where T : ITenantOwned =>
        e => ScopeIsSystem
            || e.EnterpriseId == ScopeEnterpriseId
            || (ScopeRegionPrefix != null && e.RegionCode.StartsWith(ScopeRegionPrefix));
}
