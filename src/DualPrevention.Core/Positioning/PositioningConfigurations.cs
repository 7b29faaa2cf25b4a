using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Risks.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Positioning;

internal sealed class SitePlanConfiguration : IEntityTypeConfiguration<SitePlan>
{
    public void Configure(EntityTypeBuilder<SitePlan> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.RegionCode).HasMaxLength(6);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.ImageStorageKey).HasMaxLength(200);
        builder.Property(p => p.ImageContentType).HasMaxLength(40);
        builder.HasIndex(p => new { p.EnterpriseId, p.Name }).IsUnique();
    }
}

internal sealed class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public void Configure(EntityTypeBuilder<Zone> builder)
    {
        builder.Property(z => z.Id).ValueGeneratedNever();
        builder.Property(z => z.RegionCode).HasMaxLength(6);
        builder.Property(z => z.Name).HasMaxLength(100);

        // The plan's metres, no spatial reference system: SRID 0 (ADR 0029).
        builder.Property(z => z.Outline).HasColumnType("geometry(Polygon, 0)");
        builder.HasIndex(z => z.Outline).HasMethod("gist");
        builder.HasOne<SitePlan>().WithMany().HasForeignKey(z => z.SitePlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(z => new { z.SitePlanId, z.Name }).IsUnique();
        builder.HasMany(z => z.UnitLinks).WithOne().HasForeignKey(l => l.ZoneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(z => z.MajorHazardLinks).WithOne().HasForeignKey(l => l.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ZoneUnitLinkConfiguration : IEntityTypeConfiguration<ZoneUnitLink>
{
    public void Configure(EntityTypeBuilder<ZoneUnitLink> builder)
    {
        builder.HasKey(l => new { l.ZoneId, l.UnitId });
        builder.Property(l => l.RegionCode).HasMaxLength(6);
        builder.HasOne<RiskAnalysisUnit>().WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.UnitId);
    }
}

internal sealed class ZoneMajorHazardLinkConfiguration : IEntityTypeConfiguration<ZoneMajorHazardLink>
{
    public void Configure(EntityTypeBuilder<ZoneMajorHazardLink> builder)
    {
        builder.HasKey(l => new { l.ZoneId, l.MajorHazardSourceId });
        builder.Property(l => l.RegionCode).HasMaxLength(6);
        builder.HasOne<MajorHazardSource>().WithMany().HasForeignKey(l => l.MajorHazardSourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.MajorHazardSourceId);
    }
}

internal sealed class ZonePersonLinkConfiguration : IEntityTypeConfiguration<ZonePersonLink>
{
    public void Configure(EntityTypeBuilder<ZonePersonLink> builder)
    {
        builder.HasKey(l => new { l.ZoneId, l.PersonId, l.Role });
        builder.Property(l => l.RegionCode).HasMaxLength(6);
        builder.HasOne<Zone>().WithMany().HasForeignKey(l => l.ZoneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.PersonId);
        builder.HasIndex(l => l.EnterpriseId);
    }
}

internal sealed class MusterConfiguration : IEntityTypeConfiguration<Muster>
{
    public void Configure(EntityTypeBuilder<Muster> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.RegionCode).HasMaxLength(6);
        builder.Property(m => m.StartedByName).HasMaxLength(100);
        builder.Property(m => m.ClosedByName).HasMaxLength(100);
        builder.Ignore(m => m.AtStart);
        builder.Ignore(m => m.AtClose);
        builder.Ignore(m => m.IsOpen);
        builder.HasIndex(m => new { m.EnterpriseId, m.StartedAt });

        // One open muster per enterprise: a second click returns the open one (ADR 0041).
        builder.HasIndex(m => m.EnterpriseId).IsUnique().HasFilter("closed_at IS NULL").HasDatabaseName("ix_muster_one_open_per_enterprise");
    }
}
