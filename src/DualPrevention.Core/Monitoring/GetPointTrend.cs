using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace DualPrevention.Core.Monitoring;

/// <summary>A point's kept readings over the last hours, oldest first, for the duty page's trend (the thinned history, ADR 0050).</summary>
public static class GetPointTrend
{
    /// <summary>The longest window asked for: one week.</summary>
    public const int MaxHours = 168;

    /// <summary>Most points returned.</summary>
    public const int MaxSamples = 2000;

    public sealed record Sample(DateTimeOffset At, double Value);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No such point in the caller's scope.</exception>
        public async Task<IReadOnlyList<Sample>> HandleAsync(Guid pointId, int hours, CancellationToken cancellationToken)
        {
            var since = clock.GetUtcNow().AddHours(-Math.Clamp(hours, 1, MaxHours));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Set<MonitoringPoint>().AnyAsync(p => p.Id == pointId, cancellationToken))
            {
                throw new NotFoundException(CoreText.Get("Monitoring.Point.NotFound"));
            }

            // The history has no EF mapping (a partitioned table); its policy bounds the read to the caller's scope as well.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                """
                SELECT read_at, value FROM (
                  SELECT read_at, value FROM monitoring_reading WHERE point_id = @point_id AND read_at >= @since ORDER BY read_at DESC LIMIT @limit
                ) r ORDER BY read_at
                """,
                (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.Add(new NpgsqlParameter("point_id", NpgsqlDbType.Uuid) { Value = pointId });
            command.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = since });
            command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = MaxSamples });
            var samples = new List<Sample>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                samples.Add(new Sample(reader.GetFieldValue<DateTimeOffset>(0), reader.GetDouble(1)));
            }

            return samples;
        }
    }
}
