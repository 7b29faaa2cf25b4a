using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Risks.MajorHazards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Risks.Register;

internal sealed class RiskAnalysisObjectConfiguration : IEntityTypeConfiguration<RiskAnalysisObject>
{
    public void Configure(EntityTypeBuilder<RiskAnalysisObject> builder)
    {
        builder.MapRegisterRow();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(o => o.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MajorHazardSource>().WithMany().HasForeignKey(o => o.MajorHazardSourceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.HazardCode).HasMaxLength(50);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Department).HasMaxLength(200);
        builder.Property(o => o.LiablePerson).HasMaxLength(50);
        builder.HasIndex(o => new { o.EnterpriseId, o.HazardCode }).IsUnique().HasFilter("NOT is_deleted");
    }
}
