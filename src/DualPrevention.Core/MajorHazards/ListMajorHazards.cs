using DualPrevention.Core.Data;
using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.MajorHazards;

/// <summary>
/// The major hazard sources in the reader's scope with their latest calculation and their enterprise, by level, searched
/// and paged: an enterprise's own, or a regulator's region's (read-only, ADR 0053).
/// </summary>
public static class ListMajorHazards
{
    public enum Sort
    {
        Level = 1,
        Code = 2,
        RValueDescending = 3,
        LatestCalculation = 4,
    }

    /// <param name="Level">Only this level.</param>
    /// <param name="Search">Substring of code or name.</param>
    public sealed record Query(MajorHazardLevel? Level = null, string? Search = null, Sort SortBy = Sort.Level, int Page = 1, int PageSize = 20);

    /// <param name="SValue">S of the latest calculation, or null when never calculated.</param>
    public sealed record Row(
        Guid Id, Guid EnterpriseId, string EnterpriseName, string HazardCode, string Name, MajorHazardLevel Level, decimal? RValue, MajorHazardUnitType? UnitType,
        int SubstanceCount, decimal? SValue, bool? IsMajorHazard, DateTimeOffset? CalculatedAt);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var sources = db.MajorHazardSources.AsNoTracking();
            if (query.Level is { } level)
            {
                sources = sources.Where(m => m.Level == level);
            }

            if (RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                sources = sources.Where(m => EF.Functions.ILike(m.HazardCode, pattern, "\\") || EF.Functions.ILike(m.Name, pattern, "\\"));
            }

            var rows = sources.Join(db.Enterprises, m => m.EnterpriseId, e => e.Id, (m, e) => new { Source = m, EnterpriseName = e.Name }).Select(m => new
            {
                m.Source,
                m.EnterpriseName,
                Substances = db.MajorHazardSubstances.Count(s => s.MajorHazardSourceId == m.Source.Id),
                Latest = db.MajorHazardCalculations.Where(c => c.MajorHazardSourceId == m.Source.Id).OrderByDescending(c => c.CalculatedAt).ThenByDescending(c => c.Id)
                    .Select(c => new { c.SValue, c.IsMajorHazard, c.CalculatedAt }).FirstOrDefault(),
            });
            var total = await rows.CountAsync(cancellationToken);
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var sorted = query.SortBy switch
            {
                Sort.Code => rows.OrderBy(r => r.Source.HazardCode).ThenBy(r => r.Source.Id),
                Sort.RValueDescending => rows.OrderByDescending(r => r.Source.RValue ?? -1m).ThenBy(r => r.Source.HazardCode).ThenBy(r => r.Source.Id),
                Sort.LatestCalculation => rows.OrderByDescending(r => r.Latest!.CalculatedAt).ThenBy(r => r.Source.HazardCode).ThenBy(r => r.Source.Id),
                _ => rows.OrderBy(r => r.Source.Level).ThenBy(r => r.Source.HazardCode).ThenBy(r => r.Source.Id),
            };
            var items = await sorted.Skip((page - 1) * size).Take(size)
                .Select(r => new Row(
                    r.Source.Id, r.Source.EnterpriseId, r.EnterpriseName, r.Source.HazardCode, r.Source.Name, r.Source.Level, r.Source.RValue, r.Source.UnitType, r.Substances,
                    r.Latest == null ? null : r.Latest.SValue, r.Latest == null ? null : r.Latest.IsMajorHazard, r.Latest == null ? null : r.Latest.CalculatedAt))
                .ToListAsync(cancellationToken);
            return new Paged<Row>(items, total, page, size);
        }
    }
}
