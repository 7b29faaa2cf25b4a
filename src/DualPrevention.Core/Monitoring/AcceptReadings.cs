using System.Globalization;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Data;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DualPrevention.Core.Monitoring;

/// <summary>
/// Takes what devices delivered (docs/monitoring-ingest.md, ADR 0050): each reading whose point code belongs to the
/// enterprise the topic or the credential names moves that point's live state and is evaluated against its limits
/// (<see cref="Evaluation"/>); an excursion held beyond the debounce raises one alarm in the alarm centre per band and
/// episode. Readings are thinned into the monthly-partitioned history. Every other reading is counted with its reason
/// for that enterprise, so nothing is dropped silently; a code of another enterprise is simply unknown in this one, so a
/// device never writes into another enterprise. Runs in the system scope, set-based: one locked read of the points'
/// states, one update, one insert into the history and one upsert of counts per batch, in one transaction.
/// </summary>
public static class AcceptReadings
{
    /// <summary>One message or HTTP batch: the enterprise named by its topic or credential, and what it held.</summary>
    public sealed record Delivery(Guid EnterpriseId, ReadingBatch Batch);

    /// <summary>What became of one delivery.</summary>
    public sealed record Outcome(int Accepted, IReadOnlyList<ReadingRefusal> Refusals);

    /// <summary>A point as one batch needs it, with its state locked for the batch.</summary>
    private sealed record Point(Guid Id, Guid EnterpriseId, string RegionCode, string Code, string Name, string Unit, Limits Limits, Evaluation.State State);

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public sealed class Handler(
        IDbContextFactory<DualPreventionDbContext> dbFactory,
        ITenantScopeAccessor scope,
        RaiseAlarm.Handler raise,
        IOptions<MonitoringOptions> options,
        TimeProvider clock)
    {
        /// <exception cref="InvalidOperationException">Not in the system scope.</exception>
        public async Task<IReadOnlyList<Outcome>> HandleAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
        {
            if (scope.Current.Kind != TenantScopeKind.System)
            {
                throw new InvalidOperationException("Readings are accepted in the system scope: a batch spans enterprises.");
            }

            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var points = await LockPointsAsync(db, deliveries, cancellationToken);
            var enterpriseIds = deliveries.Select(d => d.EnterpriseId).Distinct().ToList();
            var regions = await db.Enterprises.Where(e => enterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.RegionCode, cancellationToken);

            var outcomes = new List<Outcome>(deliveries.Count);
            var byPoint = new Dictionary<Guid, List<Reading>>();
            var counts = new Dictionary<Guid, long[]>();
            foreach (var delivery in deliveries)
            {
                var refusals = delivery.Batch.Refusals.ToList();
                var accepted = 0;
                foreach (var reading in delivery.Batch.Readings)
                {
                    if (!points.TryGetValue((delivery.EnterpriseId, reading.Code), out var point))
                    {
                        refusals.Add(new ReadingRefusal(reading.Index, "point", ReadingRejection.UnknownPoint));
                    }
                    else if (!point.Limits.InRange(reading.Value))
                    {
                        refusals.Add(new ReadingRefusal(reading.Index, "value", ReadingRejection.OutOfRange));
                    }
                    else
                    {
                        (byPoint.TryGetValue(point.Id, out var of) ? of : byPoint[point.Id] = []).Add(reading);
                        accepted++;
                    }
                }

                outcomes.Add(new Outcome(accepted, refusals));
                // An enterprise that does not exist has nobody to show a count to; its deliveries are only answered.
                if (regions.ContainsKey(delivery.EnterpriseId))
                {
                    var count = counts.TryGetValue(delivery.EnterpriseId, out var known) ? known : counts[delivery.EnterpriseId] = new long[5];
                    count[0] += accepted;
                    foreach (var refusal in refusals)
                    {
                        count[(int)refusal.Reason]++;
                    }
                }
            }

            var pointsById = points.Values.ToDictionary(p => p.Id);
            var states = new List<(Point Point, Evaluation.State State)>(byPoint.Count);
            var kept = new List<(Point Point, Reading Reading)>();
            var alarms = new List<(Point Point, Evaluation.Excursion Excursion)>();
            var thinning = options.Value.Thinning;
            foreach (var (pointId, readings) in byPoint)
            {
                var point = pointsById[pointId];
                var state = point.State;
                foreach (var reading in readings.Count > 1 ? readings.OrderBy(r => r.Time).ToList() : readings)
                {
                    var step = Evaluation.Next(state, point.Limits, thinning, reading.Time, reading.Value);
                    state = step.State;
                    if (step.Keep)
                    {
                        kept.Add((point, reading));
                    }

                    if (step.Alarm is { } alarm)
                    {
                        alarms.Add((point, alarm));
                    }
                }

                states.Add((point, state));
            }

            // Raised before the state commits: a batch that fails after is delivered again and raises the same source
            // events, which the alarm centre answers as repeats.
            foreach (var (point, excursion) in alarms)
            {
                await raise.HandleAsync(new RaiseAlarm.Command(point.EnterpriseId, LimitAlarm(point, excursion)), cancellationToken);
            }

            await WriteStatesAsync(db, states, now, cancellationToken);
            await WriteHistoryAsync(db, kept, cancellationToken);
            await WriteCountsAsync(db, counts, regions, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return outcomes;
        }

        private static RaisedAlarm LimitAlarm(Point point, Evaluation.Excursion excursion)
        {
            var category = MonitoringAlarms.CategoryOf(excursion.Band);
            var limit = excursion.Band switch
            {
                LimitBand.HighHigh => point.Limits.HighHigh,
                LimitBand.High => point.Limits.High,
                LimitBand.Low => point.Limits.Low,
                LimitBand.LowLow => point.Limits.LowLow,
                LimitBand.Normal => null,
            };
            var summary = string.Create(
                CultureInfo.InvariantCulture,
                $"{AlarmCategories.Name(category, Chinese)}: {point.Name} ({point.Code}) {excursion.Value:0.###} {point.Unit} / {limit:0.###} {point.Unit}");
            return new RaisedAlarm(
                AlarmSource.Sensor,
                $"{category}:{point.Id:N}:{excursion.EnteredAt.ToUnixTimeMilliseconds()}",
                category,
                excursion.Band is LimitBand.HighHigh or LimitBand.LowLow ? AlarmSeverity.Critical : AlarmSeverity.Major,
                excursion.ConfirmedAt,
                summary.Length > Alarm.SummaryLength ? summary[..Alarm.SummaryLength] : summary,
                DeviceId: point.Id);
        }

        private static async Task<Dictionary<(Guid EnterpriseId, string Code), Point>> LockPointsAsync(
            DualPreventionDbContext db, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
        {
            var keys = deliveries.SelectMany(d => d.Batch.Readings.Select(r => (d.EnterpriseId, r.Code))).Distinct().ToList();
            var points = new Dictionary<(Guid, string), Point>(keys.Count);
            if (keys.Count == 0)
            {
                return points;
            }

            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var command = new NpgsqlCommand(
                """
                SELECT p.id, p.enterprise_id, p.region_code, p.code, p.name, p.unit, p.range_low, p.range_high, p.low_low, p.low, p.high, p.high_high,
                       p.debounce_seconds, s.last_value, s.last_read_at, s.band, s.pending_band, s.pending_since, s.alarmed_band, s.stored_value, s.stored_at
                  FROM unnest(@enterprise_id, @code) AS k(enterprise_id, code)
                  JOIN monitoring_point p ON p.enterprise_id = k.enterprise_id AND p.code = k.code
                  JOIN monitoring_point_state s ON s.point_id = p.id
                 ORDER BY p.id
                   FOR UPDATE OF s
                """,
                connection,
                (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());
            command.Parameters.Add(ArrayOf("enterprise_id", NpgsqlDbType.Uuid, keys.Select(k => k.EnterpriseId)));
            command.Parameters.Add(ArrayOf("code", NpgsqlDbType.Text, keys.Select(k => k.Code)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                double? Number(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
                DateTimeOffset? At(int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);
                var point = new Point(
                    reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    new Limits(reader.GetDouble(6), reader.GetDouble(7), Number(8), Number(9), Number(10), Number(11), reader.GetInt32(12)),
                    new Evaluation.State(
                        Number(13), At(14), (LimitBand)reader.GetInt32(15), (LimitBand)reader.GetInt32(16), At(17), (LimitBand)reader.GetInt32(18),
                        Number(19), At(20)));
                points[(point.EnterpriseId, point.Code)] = point;
            }

            return points;
        }

        private static async Task WriteStatesAsync(DualPreventionDbContext db, List<(Point Point, Evaluation.State State)> states, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (states.Count == 0)
            {
                return;
            }

            await db.Database.ExecuteSqlRawAsync(
                """
                UPDATE monitoring_point_state s
                   SET last_value = t.last_value, last_read_at = t.last_read_at, band = t.band, pending_band = t.pending_band,
                       pending_since = t.pending_since, alarmed_band = t.alarmed_band, stored_value = t.stored_value, stored_at = t.stored_at,
                       interrupted_since = NULL, received_at = @received_at
                  FROM unnest(@point_id, @last_value, @last_read_at, @band, @pending_band, @pending_since, @alarmed_band, @stored_value, @stored_at)
                       AS t(point_id, last_value, last_read_at, band, pending_band, pending_since, alarmed_band, stored_value, stored_at)
                 WHERE s.point_id = t.point_id
                """,
                [
                    ArrayOf("point_id", NpgsqlDbType.Uuid, states.Select(s => s.Point.Id)),
                    ArrayOf("last_value", NpgsqlDbType.Double, states.Select(s => s.State.LastValue)),
                    ArrayOf("last_read_at", NpgsqlDbType.TimestampTz, states.Select(s => s.State.LastReadAt)),
                    ArrayOf("band", NpgsqlDbType.Integer, states.Select(s => (int)s.State.Band)),
                    ArrayOf("pending_band", NpgsqlDbType.Integer, states.Select(s => (int)s.State.PendingBand)),
                    ArrayOf("pending_since", NpgsqlDbType.TimestampTz, states.Select(s => s.State.PendingSince)),
                    ArrayOf("alarmed_band", NpgsqlDbType.Integer, states.Select(s => (int)s.State.AlarmedBand)),
                    ArrayOf("stored_value", NpgsqlDbType.Double, states.Select(s => s.State.StoredValue)),
                    ArrayOf("stored_at", NpgsqlDbType.TimestampTz, states.Select(s => s.State.StoredAt)),
                    new NpgsqlParameter("received_at", NpgsqlDbType.TimestampTz) { Value = now },
                ],
                cancellationToken);
        }

        private static async Task WriteHistoryAsync(DualPreventionDbContext db, List<(Point Point, Reading Reading)> kept, CancellationToken cancellationToken)
        {
            if (kept.Count == 0)
            {
                return;
            }

            // A message delivered again holds readings already kept: the key makes them no-ops.
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO monitoring_reading (point_id, read_at, enterprise_id, region_code, value)
                SELECT * FROM unnest(@point_id, @read_at, @enterprise_id, @region_code, @value)
                ON CONFLICT DO NOTHING
                """,
                [
                    ArrayOf("point_id", NpgsqlDbType.Uuid, kept.Select(k => k.Point.Id)),
                    ArrayOf("read_at", NpgsqlDbType.TimestampTz, kept.Select(k => k.Reading.Time)),
                    ArrayOf("enterprise_id", NpgsqlDbType.Uuid, kept.Select(k => k.Point.EnterpriseId)),
                    ArrayOf("region_code", NpgsqlDbType.Text, kept.Select(k => k.Point.RegionCode)),
                    ArrayOf("value", NpgsqlDbType.Double, kept.Select(k => k.Reading.Value)),
                ],
                cancellationToken);
        }

        private static async Task WriteCountsAsync(
            DualPreventionDbContext db, Dictionary<Guid, long[]> counts, Dictionary<Guid, string> regions, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (counts.Count == 0)
            {
                return;
            }

            var rows = counts.ToList();
            long[] Column(int index) => [.. rows.Select(r => r.Value[index])];
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO monitoring_reading_count (enterprise_id, region_code, day, accepted, malformed, unknown_point, out_of_time, out_of_range, last_received_at)
                SELECT c.enterprise_id, c.region_code, @day, c.accepted, c.malformed, c.unknown_point, c.out_of_time, c.out_of_range, @received_at
                  FROM unnest(@enterprise_id, @region_code, @accepted, @malformed, @unknown_point, @out_of_time, @out_of_range)
                       AS c(enterprise_id, region_code, accepted, malformed, unknown_point, out_of_time, out_of_range)
                ON CONFLICT (enterprise_id, day) DO UPDATE SET
                  accepted = monitoring_reading_count.accepted + excluded.accepted,
                  malformed = monitoring_reading_count.malformed + excluded.malformed,
                  unknown_point = monitoring_reading_count.unknown_point + excluded.unknown_point,
                  out_of_time = monitoring_reading_count.out_of_time + excluded.out_of_time,
                  out_of_range = monitoring_reading_count.out_of_range + excluded.out_of_range,
                  last_received_at = greatest(monitoring_reading_count.last_received_at, excluded.last_received_at)
                """,
                [
                    ArrayOf("enterprise_id", NpgsqlDbType.Uuid, rows.Select(r => r.Key)),
                    ArrayOf("region_code", NpgsqlDbType.Text, rows.Select(r => regions[r.Key])),
                    ArrayOf("accepted", NpgsqlDbType.Bigint, Column(0)),
                    ArrayOf("malformed", NpgsqlDbType.Bigint, Column((int)ReadingRejection.Malformed)),
                    ArrayOf("unknown_point", NpgsqlDbType.Bigint, Column((int)ReadingRejection.UnknownPoint)),
                    ArrayOf("out_of_time", NpgsqlDbType.Bigint, Column((int)ReadingRejection.OutOfTime)),
                    ArrayOf("out_of_range", NpgsqlDbType.Bigint, Column((int)ReadingRejection.OutOfRange)),
                    new NpgsqlParameter("day", NpgsqlDbType.Date) { Value = BusinessTime.LocalDate(now) },
                    new NpgsqlParameter("received_at", NpgsqlDbType.TimestampTz) { Value = now },
                ],
                cancellationToken);
        }

        private static NpgsqlParameter ArrayOf<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
            new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
    }
}
