using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// A user asks for a compliance-report file: the export is recorded (queued) and handed to the background job,
/// which computes and writes it with progress (ADR 0009: large exports run as a background job). One person has at
/// most <see cref="ReportExportLimits.MaxInProgressPerUser"/> exports queued or running.
/// </summary>
public static class RequestReportExport
{
    /// <param name="RegionCode">Null = the caller's scope.</param>
    public sealed record Command(ReportPeriod Period, ReportFormat Format, string? RegionCode = null);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IReportExportScheduler scheduler, IOptions<ReportExportLimits> limits, TimeProvider clock)
    {
        /// <summary>Returns the export's id.</summary>
        /// <exception cref="DomainRuleException">The region code is malformed.</exception>
        /// <exception cref="NotFoundException">The region is unknown or outside the caller's scope.</exception>
        /// <exception cref="QuotaExceededException">The caller already has the most exports queued or running.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var regionCode = await ReportRegion.ResolveAsync(db, actor.Scope, command.RegionCode, cancellationToken);
            var enterprise = actor.Scope.Kind == TenantScopeKind.Enterprise
                ? await db.Enterprises.Where(e => e.Id == actor.Scope.EnterpriseId).Select(e => new { e.Id, e.Name, e.RegionCode }).SingleAsync(cancellationToken)
                : null;
            var regionName = enterprise?.Name ?? await db.Regions.Where(r => r.Code == regionCode).Select(r => r.Name).SingleAsync(cancellationToken);
            // Named in the language the file will be written in (RunReportExport): the requester's.
            var culture = await DescribeReportRequester.CultureAsync(db, actor.Scope.UserId, cancellationToken);
            var export = ReportExport.Request(
                enterprise?.Id, enterprise?.RegionCode ?? regionCode, command.Period, command.Format, ReportFiles.FileName(regionName, command.Period, command.Format, culture),
                actor.Scope.UserId, actor.Scope.UserName ?? "", isMonthlyArchive: false, clock.GetUtcNow());
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ReportExportQuota.CheckAsync(db, actor.Scope.UserId, limits.Value, cancellationToken);
            db.ReportExports.Add(export);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            scheduler.Enqueue(export.Id);
            return export.Id;
        }
    }
}
