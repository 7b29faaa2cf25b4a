using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.MajorHazards;

/// <summary>One major hazard source with the names of its 包保 persons.</summary>
public static class GetMajorHazardSource
{
    /// <param name="PrincipalName">Display name of the 主要负责人, or null.</param>
    /// <param name="ObjectCount">Live risk analysis objects linked to the source.</param>
    public sealed record View(
        Guid Id, Guid EnterpriseId, MajorHazardSourceDetails Details, string? PrincipalName, string? TechnicalName, string? OperationalName,
        int ObjectCount, DateTimeOffset UpdatedAt);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No live source with this id in the caller's scope.</exception>
        public async Task<View> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await Project(db, db.MajorHazardSources.Where(m => m.Id == id)).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
        }

        internal static IQueryable<View> Project(DualPreventionDbContext db, IQueryable<MajorHazardSource> sources) =>
            sources.AsNoTracking().Select(m => new View(
                m.Id,
                m.EnterpriseId,
                new MajorHazardSourceDetails(
                    m.HazardCode, m.Name, m.Level, m.RValue, m.PrincipalResponsibleUserId, m.TechnicalResponsibleUserId, m.OperationalResponsibleUserId),
                db.Users.Where(u => u.Id == m.PrincipalResponsibleUserId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == m.TechnicalResponsibleUserId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == m.OperationalResponsibleUserId).Select(u => u.DisplayName).FirstOrDefault(),
                db.RiskAnalysisObjects.Count(o => o.MajorHazardSourceId == m.Id),
                m.UpdatedAt));
    }
}
