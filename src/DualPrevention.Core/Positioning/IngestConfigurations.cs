using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Positioning;

internal sealed class TagPositionConfiguration : IEntityTypeConfiguration<TagPosition>
{
    public void Configure(EntityTypeBuilder<TagPosition> builder)
    {
        builder.HasKey(p => p.TagId);
        builder.Property(p => p.RegionCode).HasMaxLength(6);
        builder.HasOne<PositioningTag>().WithMany().HasForeignKey(p => p.TagId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.EnterpriseId);
        builder.HasIndex(p => p.PersonId);
    }
}

internal sealed class FixCountConfiguration : IEntityTypeConfiguration<FixCount>
{
    public void Configure(EntityTypeBuilder<FixCount> builder)
    {
        builder.HasKey(c => new { c.EnterpriseId, c.Day });
        builder.Property(c => c.RegionCode).HasMaxLength(6);
    }
}

internal sealed class PositionSampleConfiguration : IEntityTypeConfiguration<PositionSample>
{
    public void Configure(EntityTypeBuilder<PositionSample> builder)
    {
        // Partitioned by day: the migration writes the table in literal SQL (ADR 0038).
        builder.ToTable("position_sample", t => t.ExcludeFromMigrations());
        builder.HasKey(s => new { s.TagId, s.FixedAt });
        builder.Property(s => s.RegionCode).HasMaxLength(6);
    }
}
