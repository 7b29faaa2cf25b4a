using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>The criteria a registrant ticks for a major hidden danger (docs/domain/dual-prevention.md#62-major-hidden-danger-criteria), of the version in force.</summary>
public static class ListMajorHiddenDangerCriteria
{
    public sealed record Criterion(int No, string TextZh, string TextEn);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<IReadOnlyList<Criterion>> HandleAsync(CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.MajorHiddenDangerCriteria.AsNoTracking()
                .Where(c => c.Version == MajorGrading.CurrentVersion)
                .OrderBy(c => c.No)
                .Select(c => new Criterion(c.No, c.TextZh, c.TextEn))
                .ToListAsync(cancellationToken);
        }
    }
}
