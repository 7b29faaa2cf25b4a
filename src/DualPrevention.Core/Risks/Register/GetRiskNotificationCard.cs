using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks.Grading;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// The 风险告知卡 of a risk analysis unit, posted at the unit: what can go wrong there (events, accident types,
/// levels), how it is controlled (measures per event), what to do when it happens (emergency measures,
/// classify1 = 4 of docs/domain/dual-prevention.md#36-control-measure-classification) and who is responsible.
/// </summary>
public static class GetRiskNotificationCard
{
    /// <summary>Separators between several accident types in one cell (GB 6441 names never contain them).</summary>
    private static readonly char[] AccidentTypeSeparators = ['、', '，', ',', '；', ';', '/'];

    public sealed record Query(Guid UnitId);

    /// <summary>A risk event with the descriptions of its non-emergency measures.</summary>
    public sealed record EventCard(Guid Id, string Name, string? AccidentType, RiskLevel Level, IReadOnlyList<string> Measures);

    /// <summary>
    /// The card. <see cref="Level"/> is the unit's (the highest of its events',
    /// docs/domain/dual-prevention.md#47-aggregation-and-history), null while it has no events. Department and liable
    /// person are those the unit's control measures name (distinct, joined with 、), else the unit's own, else its
    /// object's. <see cref="EmergencyMeasures"/> are the unit's own lines first, then its emergency-class measures.
    /// </summary>
    public sealed record Card(
        Guid UnitId,
        string UnitName,
        Guid ObjectId,
        string ObjectName,
        string ObjectCode,
        Guid EnterpriseId,
        string EnterpriseName,
        RiskLevel? Level,
        string? Department,
        string? LiablePerson,
        string? EmergencyPhone,
        IReadOnlyList<string> AccidentTypes,
        IReadOnlyList<EventCard> Events,
        IReadOnlyList<string> EmergencyMeasures);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No such unit in the caller's scope.</exception>
        public async Task<Card> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var unit = await (
                    from u in db.RiskAnalysisUnits.AsNoTracking()
                    where u.Id == query.UnitId
                    join o in db.RiskAnalysisObjects on u.ObjectId equals o.Id
                    join x in db.Enterprises on u.EnterpriseId equals x.Id
                    select new
                    {
                        u.Name,
                        u.Department,
                        u.LiablePerson,
                        u.EmergencyPhone,
                        u.EmergencyMeasures,
                        ObjectId = o.Id,
                        ObjectName = o.Name,
                        o.HazardCode,
                        ObjectDepartment = o.Department,
                        ObjectLiablePerson = o.LiablePerson,
                        EnterpriseId = x.Id,
                        EnterpriseName = x.Name,
                    })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("RiskNotificationCard.NotFound"));

            var events = await db.RiskEvents.AsNoTracking()
                .Where(e => e.UnitId == query.UnitId)
                .OrderBy(e => e.Level).ThenBy(e => e.Name)
                .Select(e => new { e.Id, e.Name, e.AccidentType, e.Level })
                .ToListAsync(cancellationToken);
            var measures = await (
                    from m in db.ControlMeasures.AsNoTracking()
                    join e in db.RiskEvents on m.EventId equals e.Id
                    where e.UnitId == query.UnitId
                    orderby m.Classify1, m.Classify2, m.Description
                    select new { m.EventId, m.Description, m.Classify1, m.ResponsibleDepartment, m.ResponsiblePerson })
                .ToListAsync(cancellationToken);

            var byEvent = measures.Where(m => m.Classify1 != MeasureClassify1.Emergency).ToLookup(m => m.EventId, m => m.Description);
            return new Card(
                query.UnitId,
                unit.Name,
                unit.ObjectId,
                unit.ObjectName,
                unit.HazardCode,
                unit.EnterpriseId,
                unit.EnterpriseName,
                RiskGrading.Highest(events.Select(e => e.Level)),
                Joined(measures.Select(m => m.ResponsibleDepartment)) ?? unit.Department ?? unit.ObjectDepartment,
                Joined(measures.Select(m => m.ResponsiblePerson)) ?? unit.LiablePerson ?? unit.ObjectLiablePerson,
                unit.EmergencyPhone,
                events
                    .SelectMany(e => (e.AccidentType ?? "").Split(AccidentTypeSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .Distinct(StringComparer.Ordinal)
                    .ToList(),
                events.Select(e => new EventCard(e.Id, e.Name, e.AccidentType, e.Level, byEvent[e.Id].ToList())).ToList(),
                (unit.EmergencyMeasures ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Concat(measures.Where(m => m.Classify1 == MeasureClassify1.Emergency).Select(m => m.Description))
                    .Distinct(StringComparer.Ordinal)
                    .ToList());
        }

        /// <summary>The distinct names in a stable (ordinal) order, joined with 、; null when no measure names one.</summary>
        private static string? Joined(IEnumerable<string?> names)
        {
            var distinct = names.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return distinct.Count == 0 ? null : string.Join("、", distinct);
        }
    }
}
