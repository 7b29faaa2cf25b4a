using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Regions;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(6);
        builder.Property(r => r.Name).HasMaxLength(50);
        builder.Property(r => r.ParentCode).HasMaxLength(6);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.ParentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ParentCode);
    }
}
