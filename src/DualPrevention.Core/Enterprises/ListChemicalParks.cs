using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Enterprises;

/// <summary>Chemical parks inside a region (by code prefix), for the enterprise form.</summary>
public static class ListChemicalParks
{
    public sealed record Row(Guid Id, string Name, string RegionCode);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <param name="regionCode">A province, city or county code; parks anywhere inside it are returned.</param>
        /// <param name="cancellationToken">Cancels the query.</param>
        public async Task<IReadOnlyList<Row>> HandleAsync(string regionCode, CancellationToken cancellationToken)
        {
            var prefix = Regions.RegionCodes.Prefix(regionCode);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.ChemicalParks.AsNoTracking()
                .Where(p => p.RegionCode.StartsWith(prefix))
                .OrderBy(p => p.Name)
                .Select(p => new Row(p.Id, p.Name, p.RegionCode))
                .ToListAsync(cancellationToken);
        }
    }
}
