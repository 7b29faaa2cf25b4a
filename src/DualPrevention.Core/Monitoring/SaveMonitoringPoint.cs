using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.Core.Monitoring;

/// <summary>
/// An enterprise's editor adds a monitoring point to one of its major hazard sources, or changes one (ADR 0050). The
/// code is unique within the enterprise: a second point with it is refused 409. A changed limit applies from the next
/// reading on; the live state is kept.
/// </summary>
public static class SaveMonitoringPoint
{
    /// <param name="PointId">Null to add a point.</param>
    public sealed record Command(Guid MajorHazardSourceId, Guid? PointId, MonitoringPointDetails Details);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly MonitoringPointDetailsValidator _validator = new();

        /// <returns>The point's id.</returns>
        /// <exception cref="ValidationException">A field is malformed or the limits are out of order.</exception>
        /// <exception cref="NotFoundException">No such major hazard source or point in the caller's scope.</exception>
        /// <exception cref="ConflictException">Another point of the enterprise has the code.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var source = await db.MajorHazardSources.AsNoTracking().Where(m => m.Id == command.MajorHazardSourceId)
                .Select(m => new { m.Id, m.RegionCode }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("MajorHazards.Source.NotFound"));
            MonitoringPoint point;
            if (command.PointId is { } pointId)
            {
                point = await db.Set<MonitoringPoint>().FirstOrDefaultAsync(p => p.Id == pointId && p.MajorHazardSourceId == source.Id, cancellationToken)
                    ?? throw new NotFoundException(CoreText.Get("Monitoring.Point.NotFound"));
                point.Update(command.Details, now);
            }
            else
            {
                point = MonitoringPoint.Create(enterpriseId, source.RegionCode, source.Id, command.Details, now);
                db.Add(point);
                db.Add(MonitoringPointState.Of(point));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw new ConflictException(CoreText.Get("Monitoring.Code.Taken", command.Details.Code.Trim()), e);
            }

            return point.Id;
        }
    }
}
