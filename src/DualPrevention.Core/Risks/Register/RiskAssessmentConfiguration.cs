using DualPrevention.Core.Risks.Grading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Risks.Register;

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> builder)
    {
        builder.MapRegisterRow();
        builder.HasOne<RiskEvent>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RiskBandTable>().WithMany().HasForeignKey(a => a.BandTableId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DirectJudgementRule>().WithMany().HasForeignKey(a => a.DirectJudgementRuleId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.L).HasPrecision(6, 2);
        builder.Property(a => a.S).HasPrecision(6, 2);
        builder.Property(a => a.E).HasPrecision(6, 2);
        builder.Property(a => a.C).HasPrecision(6, 2);
        builder.Property(a => a.Score).HasPrecision(10, 2);
        builder.Property(a => a.AssessedBy).HasMaxLength(256);
        builder.HasIndex(a => new { a.EventId, a.CreatedAt });
    }
}
