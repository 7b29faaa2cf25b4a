using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// Writes kept fixes into the partitioned track (ADR 0038): binary COPY into a temporary table, then one
/// <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c> (COPY cannot target a table under row-level security, whose policy
/// the INSERT checks; the key makes a fix delivered again a no-op), and moves each tag's last kept point forward.
/// Runs inside the caller's transaction.
/// </summary>
internal static class TrackWriter
{
    public static async Task WriteAsync(
        DualPreventionDbContext db,
        IReadOnlyList<(AcceptedFix Fix, string RegionCode)> track,
        IReadOnlyList<(Guid TagId, TrackThinning.Point Point)> lastTracked,
        CancellationToken cancellationToken)
    {
        if (track.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(
            "CREATE TEMP TABLE incoming_position_sample (LIKE position_sample) ON COMMIT DROP", cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY incoming_position_sample (tag_id, fixed_at, enterprise_id, region_code, person_id, x, y, floor, latitude, longitude, accuracy, battery, sos, fall) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var (accepted, regionCode) in track)
            {
                var fix = accepted.Fix;
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(accepted.TagId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(fix.Time, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(accepted.EnterpriseId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(regionCode, NpgsqlDbType.Varchar, cancellationToken);
                await WriteAsync(copy, accepted.PersonId, NpgsqlDbType.Uuid, cancellationToken);
                await WriteAsync(copy, fix.X, NpgsqlDbType.Double, cancellationToken);
                await WriteAsync(copy, fix.Y, NpgsqlDbType.Double, cancellationToken);
                await WriteAsync(copy, fix.Floor, NpgsqlDbType.Integer, cancellationToken);
                await WriteAsync(copy, fix.Latitude, NpgsqlDbType.Double, cancellationToken);
                await WriteAsync(copy, fix.Longitude, NpgsqlDbType.Double, cancellationToken);
                await WriteAsync(copy, fix.Accuracy, NpgsqlDbType.Double, cancellationToken);
                await WriteAsync(copy, fix.Battery, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(fix.Sos, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(fix.Fall, NpgsqlDbType.Boolean, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO position_sample SELECT * FROM incoming_position_sample ON CONFLICT DO NOTHING", cancellationToken);

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

    private static async Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct
    {
        if (value is { } present)
        {
            await copy.WriteAsync(present, type, cancellationToken);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken);
        }
    }
}
