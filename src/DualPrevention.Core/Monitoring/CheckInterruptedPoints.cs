using System.Globalization;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DualPrevention.Core.Monitoring;

/// <summary>
/// 数据中断: a point that has not reported for <see cref="MonitoringOptions.InterruptionIntervals"/> of its intervals
/// (counted from its last reading, or from its creation before the first) raises one data-interruption alarm and is
/// marked interrupted until it reports again (ADR 0050). Run every minute in the system scope; a second run finds the
/// point marked and raises nothing, and a retried alarm is the same source event.
/// </summary>
public static class CheckInterruptedPoints
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private sealed record Silent(Guid PointId, Guid EnterpriseId, string Code, string Name, DateTimeOffset LastHeard);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, RaiseAlarm.Handler raise, IOptions<MonitoringOptions> options, TimeProvider clock)
    {
        /// <returns>How many points were found newly interrupted.</returns>
        public async Task<int> HandleAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var intervals = options.Value.InterruptionIntervals;
            List<Silent> silent;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                await db.Database.OpenConnectionAsync(cancellationToken);
                await using var command = new NpgsqlCommand(
                    """
                    SELECT p.id, p.enterprise_id, p.code, p.name, coalesce(s.received_at, s.since)
                      FROM monitoring_point_state s
                      JOIN monitoring_point p ON p.id = s.point_id
                     WHERE s.interrupted_since IS NULL
                       AND coalesce(s.received_at, s.since) + make_interval(secs => p.interval_seconds * @intervals) < @now
                    """,
                    connection);
                command.Parameters.Add(new NpgsqlParameter("intervals", NpgsqlDbType.Integer) { Value = intervals });
                command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
                silent = [];
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    silent.Add(new Silent(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
                }
            }

            foreach (var point in silent)
            {
                await raise.HandleAsync(
                    new RaiseAlarm.Command(point.EnterpriseId, new RaisedAlarm(
                        AlarmSource.Sensor,
                        $"{MonitoringAlarms.DataInterruption}:{point.PointId:N}:{point.LastHeard.ToUnixTimeMilliseconds()}",
                        MonitoringAlarms.DataInterruption,
                        AlarmSeverity.Major,
                        now,
                        string.Create(CultureInfo.InvariantCulture, $"{AlarmCategories.Name(MonitoringAlarms.DataInterruption, Chinese)}: {point.Name} ({point.Code})"),
                        DeviceId: point.PointId)),
                    cancellationToken);
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                await db.Set<MonitoringPointState>()
                    .Where(s => s.PointId == point.PointId && s.InterruptedSince == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.InterruptedSince, now), cancellationToken);
            }

            return silent.Count;
        }
    }
}
