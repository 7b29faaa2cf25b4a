using DualPrevention.Core.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Risks.MajorHazards;

internal sealed class MajorHazardSourceConfiguration : IEntityTypeConfiguration<MajorHazardSource>
{
    public void Configure(EntityTypeBuilder<MajorHazardSource> builder)
    {
        builder.MapRegisterRow();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(m => m.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.HazardCode).HasMaxLength(50);
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.RValue).HasPrecision(10, 2);
        builder.HasIndex(m => new { m.EnterpriseId, m.HazardCode }).IsUnique().HasFilter("NOT is_deleted");
    }
}
