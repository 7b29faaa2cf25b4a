using DualPrevention.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Enterprises;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> builder)
    {
        builder.Property(e => e.ShortCode).HasMaxLength(32);
        builder.HasIndex(e => e.ShortCode).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.UnifiedSocialCreditCode).HasMaxLength(18);
        builder.HasIndex(e => e.UnifiedSocialCreditCode).IsUnique();
        builder.Property(e => e.RegistryEnterpriseCode).HasMaxLength(9);
        builder.HasIndex(e => e.RegistryEnterpriseCode).IsUnique();
        builder.Property(e => e.RegionCode).HasMaxLength(6);
        builder.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.RegionCode).HasOperators("varchar_pattern_ops");
        builder.HasOne<ChemicalPark>().WithMany().HasForeignKey(e => e.ChemicalParkId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Address).HasMaxLength(300);
        builder.Property(e => e.Longitude).HasPrecision(9, 6);
        builder.Property(e => e.Latitude).HasPrecision(9, 6);
        builder.Property(e => e.PrincipalName).HasMaxLength(50);
        builder.Property(e => e.PrincipalPhone).HasMaxLength(20);
        builder.Property(e => e.Version).IsRowVersion();
    }
}
