using System.Globalization;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// Writes kept fixes into the partitioned track (ADR 0038) once: binary COPY straight into each Beijing day's
/// partition (COPY cannot target the parent, which is under row-level security; the partition takes direct writes in
/// the system scope only). A batch that holds a point already stored (a message delivered again) or that finds no
/// partition is rolled back to a savepoint and written through the parent instead: COPY into a temporary table and
/// one <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c>, whose policy and key make the repeated point a no-op. Runs
/// inside the caller's transaction.
/// </summary>
internal static class TrackWriter
{
    private const string Columns = "tag_id, fixed_at, enterprise_id, region_code, person_id, x, y, floor, latitude, longitude, accuracy, battery, sos, fall";
    private const string Savepoint = "track";

    public static async Task WriteAsync(
        DualPreventionDbContext db,
        IReadOnlyList<(AcceptedFix Fix, string RegionCode)> track,
        CancellationToken cancellationToken)
    {
        if (track.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("The track is written inside the caller's transaction.");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
        try
        {
            foreach (var (day, rows) in ByDay(track))
            {
                var partition = "position_sample_days.d" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                await CopyAsync(connection, partition, rows, cancellationToken);
            }
        }
        catch (PostgresException refused) when (refused.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.CheckViolation)
        {
            await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TEMP TABLE incoming_position_sample (LIKE position_sample) ON COMMIT DROP", cancellationToken);
            await CopyAsync(connection, "incoming_position_sample", track, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO position_sample SELECT * FROM incoming_position_sample ON CONFLICT DO NOTHING", cancellationToken);
        }

        await transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
    }

    /// <summary>
    /// Moves each tag's last kept point forward (the thinning's reference for the next batch). Runs after the tags'
    /// positions were upserted in the same transaction, so it only updates rows that transaction already holds.
    /// </summary>
    public static async Task MoveLastKeptAsync(
        DualPreventionDbContext db, IReadOnlyList<(Guid TagId, TrackThinning.Point Point)> lastTracked, CancellationToken cancellationToken)
    {
        if (lastTracked.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE tag_position p
               SET tracked_at = t.tracked_at, tracked_x = t.x, tracked_y = t.y, tracked_latitude = t.latitude, tracked_longitude = t.longitude
              FROM unnest(@tag_id, @tracked_at, @x, @y, @latitude, @longitude) AS t(tag_id, tracked_at, x, y, latitude, longitude)
             WHERE p.tag_id = t.tag_id AND (p.tracked_at IS NULL OR p.tracked_at < t.tracked_at)
            """,
            [
                SqlArray.Of("tag_id", NpgsqlDbType.Uuid, lastTracked.Select(t => t.TagId)),
                SqlArray.Of("tracked_at", NpgsqlDbType.TimestampTz, lastTracked.Select(t => t.Point.At)),
                SqlArray.Of("x", NpgsqlDbType.Double, lastTracked.Select(t => t.Point.X)),
                SqlArray.Of("y", NpgsqlDbType.Double, lastTracked.Select(t => t.Point.Y)),
                SqlArray.Of("latitude", NpgsqlDbType.Double, lastTracked.Select(t => t.Point.Latitude)),
                SqlArray.Of("longitude", NpgsqlDbType.Double, lastTracked.Select(t => t.Point.Longitude)),
            ],
            cancellationToken);
    }

    /// <summary>The points by Beijing day: almost always one day, which is passed on as it is.</summary>
    private static IEnumerable<(DateOnly Day, IReadOnlyList<(AcceptedFix Fix, string RegionCode)> Rows)> ByDay(IReadOnlyList<(AcceptedFix Fix, string RegionCode)> track)
    {
        var (first, last) = (track.Min(t => t.Fix.Fix.Time), track.Max(t => t.Fix.Fix.Time));
        if (BusinessTime.LocalDate(first) == BusinessTime.LocalDate(last))
        {
            return [(BusinessTime.LocalDate(first), track)];
        }

        return track.GroupBy(t => BusinessTime.LocalDate(t.Fix.Fix.Time)).Select(day => (day.Key, (IReadOnlyList<(AcceptedFix Fix, string RegionCode)>)[.. day]));
    }

    private static async Task CopyAsync(
        NpgsqlConnection connection, string table, IReadOnlyList<(AcceptedFix Fix, string RegionCode)> rows, CancellationToken cancellationToken)
    {
        var stream = await connection.BeginRawBinaryCopyAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        try
        {
            using var copy = new BinaryCopyRows();
            foreach (var (accepted, regionCode) in rows)
            {
                var fix = accepted.Fix;
                copy.StartRow(14);
                copy.Uuid(accepted.TagId);
                copy.TimestampTz(fix.Time);
                copy.Uuid(accepted.EnterpriseId);
                copy.Text(regionCode);
                copy.Uuid(accepted.PersonId);
                copy.Float8(fix.X);
                copy.Float8(fix.Y);
                copy.Int4(fix.Floor);
                copy.Float8(fix.Latitude);
                copy.Float8(fix.Longitude);
                copy.Float8(fix.Accuracy);
                copy.Int4(fix.Battery);
                copy.Bool(fix.Sos);
                copy.Bool(fix.Fall);
                if (copy.Full)
                {
                    await stream.WriteAsync(copy.Take(), cancellationToken);
                }
            }

            await stream.WriteAsync(copy.Complete(), cancellationToken);
        }
        finally
        {
            // Ends the COPY: PostgreSQL's verdict on the rows (a repeated key, a bound missed) is thrown here.
            await stream.DisposeAsync();
        }
    }
}
