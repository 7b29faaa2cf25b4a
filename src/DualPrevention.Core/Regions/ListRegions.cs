using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Regions;

/// <summary>Divisions under a parent (the province's cities, a city's counties), for pickers and filters.</summary>
public static class ListRegions
{
    public sealed record Row(string Code, string Name, RegionLevel Level, string? ParentCode);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <param name="parentCode">Null for the top level (provinces).</param>
        /// <param name="cancellationToken">Cancels the query.</param>
        public async Task<IReadOnlyList<Row>> HandleAsync(string? parentCode, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Regions.AsNoTracking()
                .Where(r => r.ParentCode == parentCode)
                .OrderBy(r => r.Code)
                .Select(r => new Row(r.Code, r.Name, r.Level, r.ParentCode))
                .ToListAsync(cancellationToken);
        }

        /// <summary>One region by code, or null.</summary>
        public async Task<Row?> FindAsync(string code, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Regions.AsNoTracking()
                .Where(r => r.Code == code)
                .Select(r => new Row(r.Code, r.Name, r.Level, r.ParentCode))
                .FirstOrDefaultAsync(cancellationToken);
        }
    }
}
