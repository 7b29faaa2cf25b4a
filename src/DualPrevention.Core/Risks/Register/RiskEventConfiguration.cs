using DualPrevention.Core.Risks.Grading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Risks.Register;

internal sealed class RiskEventConfiguration : IEntityTypeConfiguration<RiskEvent>
{
    public void Configure(EntityTypeBuilder<RiskEvent> builder)
    {
        builder.MapRegisterRow();
        builder.HasOne<RiskAnalysisUnit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RiskBandTable>().WithMany().HasForeignKey(e => e.BandTableId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DirectJudgementRule>().WithMany().HasForeignKey(e => e.DirectJudgementRuleId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Name).HasMaxLength(500);
        builder.Property(e => e.AccidentType).HasMaxLength(100);
        builder.Property(e => e.L).HasPrecision(6, 2);
        builder.Property(e => e.S).HasPrecision(6, 2);
        builder.Property(e => e.E).HasPrecision(6, 2);
        builder.Property(e => e.C).HasPrecision(6, 2);
        builder.Property(e => e.Score).HasPrecision(10, 2);
        builder.HasIndex(e => new { e.UnitId, e.Name }).IsUnique().HasFilter("NOT is_deleted");

        // The four-colour counts of reports and dashboards (ComplianceSql) read events index-only; their units, a fifth as
        // many, come through the foreign-key index (ADR 0011).
        builder.HasIndex(e => e.EnterpriseId, "ix_risk_event_counted")
            .IncludeProperties(e => new { e.RegionCode, e.UnitId, e.Level })
            .HasFilter("NOT is_deleted")
            .HasDatabaseName("ix_risk_event_counted");
    }
}
