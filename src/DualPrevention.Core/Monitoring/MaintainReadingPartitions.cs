using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core.Monitoring;

/// <summary>
/// Makes the reading history's monthly partitions (Beijing months) from last month to two ahead and drops those older
/// than <see cref="MonitoringOptions.RetentionMonths"/> (ADR 0050). The app role creates nothing (ADR 0022): both run
/// through the owner's <c>SECURITY DEFINER</c> functions of migration AddedMonitoring. Idempotent.
/// </summary>
public static class MaintainReadingPartitions
{
    /// <summary>How many partitions were made and dropped.</summary>
    public sealed record Result(int Made, int Dropped);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IOptions<MonitoringOptions> options, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(CancellationToken cancellationToken)
        {
            var today = BusinessTime.LocalDate(clock.GetUtcNow());
            var month = new DateOnly(today.Year, today.Month, 1);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var made = await db.Database
                .SqlQuery<int>($"SELECT dp_create_monitoring_reading_months({month.AddMonths(-1)}, 4) AS \"Value\"")
                .SingleAsync(cancellationToken);
            var dropped = await db.Database
                .SqlQuery<int>($"SELECT dp_drop_monitoring_reading_months({month.AddMonths(-options.Value.RetentionMonths)}) AS \"Value\"")
                .SingleAsync(cancellationToken);
            return new Result(made, dropped);
        }
    }
}
