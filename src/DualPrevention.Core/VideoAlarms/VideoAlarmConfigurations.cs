using DualPrevention.Core.Alarms;
using DualPrevention.Core.Photos;
using DualPrevention.Core.Positioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.VideoAlarms;

internal sealed class VideoAlarmEvidenceConfiguration : IEntityTypeConfiguration<VideoAlarmEvidence>
{
    public void Configure(EntityTypeBuilder<VideoAlarmEvidence> builder)
    {
        builder.HasKey(e => e.AlarmId);
        builder.Property(e => e.RegionCode).HasMaxLength(6);
        builder.Property(e => e.CodeSet).HasMaxLength(VideoAlarmLimits.MaxCodeLength);
        builder.Property(e => e.Algorithm).HasMaxLength(VideoAlarmLimits.MaxCodeLength);
        builder.Property(e => e.Boxes).HasMaxLength(VideoAlarmEvidence.BoxesLength);
        builder.Property(e => e.SnapshotUrl).HasMaxLength(VideoAlarmLimits.MaxUrlLength);
        builder.Property(e => e.ClipUrl).HasMaxLength(VideoAlarmLimits.MaxUrlLength);
        builder.HasOne<Alarm>().WithOne().HasForeignKey<VideoAlarmEvidence>(e => e.AlarmId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Camera>().WithMany().HasForeignKey(e => e.CameraId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Photo>().WithMany().HasForeignKey(e => e.SnapshotPhotoId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => e.SnapshotPhotoId);

        // The intake status reads each enterprise's evidence of a period (accepted counts, last seen per camera).
        builder.HasIndex(e => new { e.EnterpriseId, e.ReceivedAt });
        builder.HasIndex(e => new { e.CameraId, e.ReceivedAt });

        // The retention job reads the snapshots past their keeping time.
        builder.HasIndex(e => e.KeepUntil).HasFilter("snapshot_photo_id IS NOT NULL").HasDatabaseName("ix_video_alarm_evidence_keep_until_with_snapshot");
    }
}

internal sealed class VideoAlarmRefusalCountConfiguration : IEntityTypeConfiguration<VideoAlarmRefusalCount>
{
    public void Configure(EntityTypeBuilder<VideoAlarmRefusalCount> builder)
    {
        builder.HasKey(c => new { c.EnterpriseId, c.Day, c.Reason });
        builder.Property(c => c.RegionCode).HasMaxLength(6);
    }
}
