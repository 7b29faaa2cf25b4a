using System.Text.Json;
using DualPrevention.Core.Data;
using DualPrevention.Core.Positioning;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.VideoAlarms;

/// <summary>
/// What an AI box sent with one video alarm, for its detail page (docs/video-intake.md#evidence-and-retention): the
/// stored snapshot, the boxes the algorithm drew on it, the confidence, the algorithm as the box named it, the camera
/// with its live view and the clip. Within the reader's scope: another enterprise's alarm has none.
/// </summary>
public static class GetVideoAlarmEvidence
{
    /// <summary>A rectangle as fractions (0–1) of the snapshot's width and height from its top-left corner.</summary>
    public sealed record Box(double X, double Y, double Width, double Height);

    /// <param name="StreamUrl">The camera's live view, when it has one.</param>
    public sealed record Details(
        Guid AlarmId,
        Guid CameraId,
        string CameraName,
        string? StreamUrl,
        string? CodeSet,
        string Algorithm,
        double? Confidence,
        IReadOnlyList<Box> Boxes,
        Guid? SnapshotPhotoId,
        string? SnapshotUrl,
        string? ClipUrl,
        DateTimeOffset ReceivedAt);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <returns>The evidence, or null when the alarm has none in the reader's scope (not a video alarm, or not the reader's).</returns>
        public async Task<Details?> HandleAsync(Guid alarmId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var found = await (
                    from evidence in db.Set<VideoAlarmEvidence>().AsNoTracking()
                    join camera in db.Set<Camera>() on evidence.CameraId equals camera.Id
                    where evidence.AlarmId == alarmId
                    select new { Evidence = evidence, camera.Name, camera.StreamUrl })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return null;
            }

            var e = found.Evidence;
            return new Details(
                e.AlarmId, e.CameraId, found.Name, string.IsNullOrWhiteSpace(found.StreamUrl) ? null : found.StreamUrl, e.CodeSet, e.Algorithm, e.Confidence,
                BoxesOf(e.Boxes), e.SnapshotPhotoId, e.SnapshotUrl, e.ClipUrl, e.ReceivedAt);
        }

        private static List<Box> BoxesOf(string json)
        {
            using var document = JsonDocument.Parse(json);
            return [.. document.RootElement.EnumerateArray().Select(b => new Box(
                b.GetProperty("x").GetDouble(), b.GetProperty("y").GetDouble(), b.GetProperty("w").GetDouble(), b.GetProperty("h").GetDouble()))];
        }
    }
}
