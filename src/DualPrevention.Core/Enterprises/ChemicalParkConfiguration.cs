using DualPrevention.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Enterprises;

internal sealed class ChemicalParkConfiguration : IEntityTypeConfiguration<ChemicalPark>
{
    public void Configure(EntityTypeBuilder<ChemicalPark> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.RegionCode).HasMaxLength(6);
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.RegionCode, p.Name }).IsUnique();
    }
}
