using DualPrevention.Core.Risks.MajorHazards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Monitoring;

internal sealed class MonitoringPointConfiguration : IEntityTypeConfiguration<MonitoringPoint>
{
    public void Configure(EntityTypeBuilder<MonitoringPoint> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.RegionCode).HasMaxLength(6);
        builder.Property(p => p.Code).HasMaxLength(ReadingLimits.CodeLength);
        builder.Property(p => p.Name).HasMaxLength(MonitoringPoint.NameLength);
        builder.Property(p => p.Unit).HasMaxLength(MonitoringPoint.UnitLength);
        builder.HasOne<MajorHazardSource>().WithMany().HasForeignKey(p => p.MajorHazardSourceId).OnDelete(DeleteBehavior.Cascade);

        // A device names a point by its code: one per enterprise, and the ingest's look-up.
        builder.HasIndex(p => new { p.EnterpriseId, p.Code }).IsUnique();
        builder.HasIndex(p => p.MajorHazardSourceId);
    }
}

internal sealed class MonitoringPointStateConfiguration : IEntityTypeConfiguration<MonitoringPointState>
{
    public void Configure(EntityTypeBuilder<MonitoringPointState> builder)
    {
        builder.HasKey(s => s.PointId);
        builder.Property(s => s.RegionCode).HasMaxLength(6);
        builder.HasOne<MonitoringPoint>().WithOne().HasForeignKey<MonitoringPointState>(s => s.PointId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MonitoringReadingCountConfiguration : IEntityTypeConfiguration<MonitoringReadingCount>
{
    public void Configure(EntityTypeBuilder<MonitoringReadingCount> builder)
    {
        builder.HasKey(c => new { c.EnterpriseId, c.Day });
        builder.Property(c => c.RegionCode).HasMaxLength(6);
    }
}
