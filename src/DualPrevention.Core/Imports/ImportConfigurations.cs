using DualPrevention.Core.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Imports;

internal sealed class ImportMappingProfileConfiguration : IEntityTypeConfiguration<ImportMappingProfile>
{
    public void Configure(EntityTypeBuilder<ImportMappingProfile> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.RegionCode).HasMaxLength(6);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.EnterpriseId, p.Kind }).IsUnique();
        builder.Property(p => p.Columns).HasColumnType("jsonb");
    }
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RegionCode).HasMaxLength(6);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(r => r.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.FileName).HasMaxLength(260);
        builder.Property(r => r.FileSha256).HasMaxLength(64);
        builder.Property(r => r.CommittedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.EnterpriseId, r.CommittedAt });
    }
}
