using DualPrevention.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Risks.Grading;

internal sealed class RiskBandTableConfiguration : IEntityTypeConfiguration<RiskBandTable>
{
    public void Configure(EntityTypeBuilder<RiskBandTable> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.RegionCode).HasMaxLength(6);
        builder.HasOne<Region>().WithMany().HasForeignKey(t => t.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.RegionCode, t.Method, t.Version }).IsUnique();
        builder.OwnsMany(t => t.Bands, bands => bands.ToJson());
    }
}
