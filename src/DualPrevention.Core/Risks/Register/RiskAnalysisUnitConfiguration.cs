using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Risks.Register;

internal sealed class RiskAnalysisUnitConfiguration : IEntityTypeConfiguration<RiskAnalysisUnit>
{
    public void Configure(EntityTypeBuilder<RiskAnalysisUnit> builder)
    {
        builder.MapRegisterRow();
        builder.HasOne<RiskAnalysisObject>().WithMany().HasForeignKey(u => u.ObjectId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.Department).HasMaxLength(200);
        builder.Property(u => u.LiablePerson).HasMaxLength(50);
        builder.Property(u => u.EmergencyPhone).HasMaxLength(RiskAnalysisUnitDetailsValidator.EmergencyPhoneMaxLength);
        builder.Property(u => u.EmergencyMeasures).HasMaxLength(RiskAnalysisUnitDetailsValidator.EmergencyMeasuresMaxLength);
        builder.ToTable(t => t.HasCheckConstraint("ck_risk_analysis_unit_emergency_phone_format", "emergency_phone ~ '^[0-9+ -]{1,32}$'"));
        builder.HasIndex(u => new { u.ObjectId, u.Name }).IsUnique().HasFilter("NOT is_deleted");
    }
}
