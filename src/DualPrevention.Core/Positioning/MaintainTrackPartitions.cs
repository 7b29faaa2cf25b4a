using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// Makes the track's daily partitions <see cref="TrackOptions.DaysAhead"/> ahead of today (Beijing) and drops those
/// older than <see cref="TrackOptions.RetentionDays"/> (ADR 0038). The app role creates nothing (ADR 0022): both run
/// through the owner's <c>SECURITY DEFINER</c> functions of migration AddedPositioningIngest. Idempotent.
/// </summary>
public static class MaintainTrackPartitions
{
    /// <summary>How many partitions were made and dropped.</summary>
    public sealed record Result(int Made, int Dropped);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IOptions<TrackOptions> options, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(CancellationToken cancellationToken)
        {
            var today = BusinessTime.LocalDate(clock.GetUtcNow());
            var settings = options.Value;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // Yesterday too: a gateway's buffered fixes of the last day (FixLimits.MaxAge) still need a home.
            var made = await db.Database
                .SqlQuery<int>($"SELECT dp_create_position_sample_days({today.AddDays(-1)}, {settings.DaysAhead + 2}) AS \"Value\"")
                .SingleAsync(cancellationToken);
            var dropped = await db.Database
                .SqlQuery<int>($"SELECT dp_drop_position_sample_days({today.AddDays(-settings.RetentionDays)}) AS \"Value\"")
                .SingleAsync(cancellationToken);
            return new Result(made, dropped);
        }
    }
}
