using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks.Grading;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>A risk event's assessment history, newest first: who assessed, when, with which inputs, and the result (docs/domain/dual-prevention.md#47-aggregation-and-history).</summary>
public static class GetRiskEventAssessments
{
    /// <param name="AssessedAt">UTC.</param>
    /// <param name="BandTableRegionCode">Region of the band table the level was computed with.</param>
    /// <param name="DirectJudgement">The direct-judgement rule that lifted the level above its band (ADR 0033); null when the band decided.</param>
    public sealed record Row(
        Guid Id, DateTimeOffset AssessedAt, string AssessedBy, RiskAssessmentInput Input, decimal Score, RiskLevel Level,
        string BandTableRegionCode, int BandTableVersion, AppliedDirectJudgement? DirectJudgement = null);

    /// <summary>Which rule lifted the level: its situation, the level it gives, and the region and version it was issued as.</summary>
    public sealed record AppliedDirectJudgement(DirectJudgementCondition Condition, RiskLevel Level, string RegionCode, int Version);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No live event with this id in the caller's scope.</exception>
        public async Task<IReadOnlyList<Row>> HandleAsync(Guid eventId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.RiskEvents.AnyAsync(e => e.Id == eventId, cancellationToken))
            {
                throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            }

            return await (
                    from a in db.RiskAssessments.AsNoTracking()
                    join t in db.RiskBandTables on a.BandTableId equals t.Id
                    join r in db.DirectJudgementRules on a.DirectJudgementRuleId equals r.Id into rules
                    from r in rules.DefaultIfEmpty()
                    where a.EventId == eventId
                    orderby a.CreatedAt descending, a.Id descending
                    select new Row(
                        a.Id, a.CreatedAt, a.AssessedBy, new RiskAssessmentInput(a.Method, a.L, a.S, a.E, a.C), a.Score, a.Level, t.RegionCode, t.Version,
                        r == null ? null : new AppliedDirectJudgement(r.Condition, r.Level, r.RegionCode, r.Version)))
                .ToListAsync(cancellationToken);
        }
    }
}
