using DualPrevention.Core.Data;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.MajorHazards;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// Re-grades at once the events already assessed under a fact direct judgement tests (ADR 0033), when an object is
/// linked to another major hazard source (or none) or a source's level changes: each event keeps its score and band
/// table, is lifted by the rule that now matches or falls back to its band, and gets an assessment row naming the rule.
/// The events are read in one query and the changes join the caller's pending changes, so the caller's one
/// <c>SaveChanges</c> writes the fact, the levels and the history in one transaction, audited like every register row.
/// </summary>
internal static class DirectJudgementRegrading
{
    /// <summary>The events of <paramref name="riskObject"/>'s units, under the source it is now linked to.</summary>
    /// <returns>The number of events whose level or deciding rule changed.</returns>
    public static async Task<int> ObjectLinkedAsync(
        DualPreventionDbContext db, RiskAnalysisObject riskObject, string assessedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var level = riskObject.MajorHazardSourceId is { } sourceId
            ? await db.MajorHazardSources.Where(m => m.Id == sourceId).Select(m => (MajorHazardLevel?)m.Level).FirstOrDefaultAsync(cancellationToken)
            : null;
        var events =
            from e in db.RiskEvents
            join u in db.RiskAnalysisUnits on e.UnitId equals u.Id
            where u.ObjectId == riskObject.Id
            select e;
        return await RegradeAsync(db, events, level, riskObject.RegionCode, assessedBy, now, cancellationToken);
    }

    /// <summary>The events of the units of every object linked to <paramref name="source"/>, under its new level.</summary>
    /// <returns>The number of events whose level or deciding rule changed.</returns>
    public static Task<int> SourceGradedAsync(
        DualPreventionDbContext db, MajorHazardSource source, string assessedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var events =
            from e in db.RiskEvents
            join u in db.RiskAnalysisUnits on e.UnitId equals u.Id
            join o in db.RiskAnalysisObjects on u.ObjectId equals o.Id
            where o.MajorHazardSourceId == source.Id
            select e;
        return RegradeAsync(db, events, source.Level, source.RegionCode, assessedBy, now, cancellationToken);
    }

    private static async Task<int> RegradeAsync(
        DualPreventionDbContext db, IQueryable<RiskEvent> events, MajorHazardLevel? level, string regionCode, string assessedBy,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        // An event never assessed has no band to fall back to; it is graded, lifted or not, when first assessed.
        var assessed = await events.Where(e => e.BandTableId != Guid.Empty).ToListAsync(cancellationToken);
        if (assessed.Count == 0)
        {
            return 0;
        }

        var bandIds = assessed.Select(e => e.BandTableId).Distinct().ToList();
        var bands = await db.RiskBandTables.AsNoTracking().Where(b => bandIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
        var judgement = new DirectJudgement(await DirectJudgementRules.InForceAsync(db, regionCode, now, cancellationToken), level);
        var changed = 0;
        foreach (var riskEvent in assessed)
        {
            if (riskEvent.Regrade(bands[riskEvent.BandTableId], judgement, assessedBy, now) is { } assessment)
            {
                db.RiskAssessments.Add(assessment);
                changed++;
            }
        }

        return changed;
    }
}
