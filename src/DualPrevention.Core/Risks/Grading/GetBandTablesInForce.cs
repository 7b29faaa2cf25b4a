using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Grading;

/// <summary>The band table of each method in force now for the caller's enterprise, so a form can show the level live as inputs are picked.</summary>
public static class GetBandTablesInForce
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <summary>One table per method; empty for callers outside an enterprise.</summary>
        public async Task<IReadOnlyDictionary<AssessmentMethod, ListRiskBandTables.Row>> HandleAsync(CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var regionCode = await db.Enterprises.Where(e => e.Id == db.Scope.EnterpriseId).Select(e => e.RegionCode).FirstOrDefaultAsync(cancellationToken);
            if (regionCode is null)
            {
                return new Dictionary<AssessmentMethod, ListRiskBandTables.Row>();
            }

            var now = clock.GetUtcNow();
            var tables = new Dictionary<AssessmentMethod, ListRiskBandTables.Row>();
            foreach (var method in Enum.GetValues<AssessmentMethod>())
            {
                var table = await BandTables.InForceAsync(db, method, regionCode, now, cancellationToken);
                tables[method] = ListRiskBandTables.Handler.ToRow(table, table.RegionCode);
            }

            return tables;
        }
    }
}
