using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.HiddenDangers;

internal sealed class HiddenDangerConfiguration : IEntityTypeConfiguration<HiddenDanger>
{
    public void Configure(EntityTypeBuilder<HiddenDanger> builder)
    {
        builder.MapRegisterRow();
        builder.Property(h => h.Name).HasMaxLength(300);
        builder.Property(h => h.Description).HasMaxLength(4000);
        builder.Property(h => h.ReportedByName).HasMaxLength(100);
        builder.Property(h => h.EnforcementId).HasMaxLength(64);
        builder.Property(h => h.Location).HasMaxLength(200);
        builder.Property(h => h.CauseAnalysis).HasMaxLength(2000);
        builder.Property(h => h.RemediationMeasures).HasMaxLength(1000);
        builder.Property(h => h.CostTenThousandYuan).HasPrecision(12, 2);
        builder.Property(h => h.RectifierName).HasMaxLength(100);
        builder.Property(h => h.RectificationNote).HasMaxLength(2000);
        builder.Property(h => h.AccepterName).HasMaxLength(100);
        builder.Property(h => h.AcceptanceComment).HasMaxLength(1000);
        builder.Property(h => h.InvalidationReason).HasMaxLength(1000);
        builder.Property(h => h.MajorCriteriaVersion).HasMaxLength(10);
        builder.Property(h => h.MajorReason).HasMaxLength(1000);
        builder.Property(h => h.ClosedOutByName).HasMaxLength(100);
        builder.Property(h => h.LedgerNo).HasMaxLength(64);

        // Given by the trigger hidden_danger_number_assign at insert and read back (ADR 0032).
        builder.Property(h => h.Number).HasMaxLength(60).ValueGeneratedOnAdd().Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
        builder.HasIndex(h => new { h.EnterpriseId, h.Number }).IsUnique();
        builder.Property(h => h.Version).IsRowVersion();
        builder.HasIndex(h => h.RecordId);
        builder.HasIndex(h => new { h.EnterpriseId, h.State });
        builder.HasIndex(h => new { h.EnterpriseId, h.LedgerNo }).IsUnique().HasFilter("ledger_no IS NOT NULL");
        builder.HasIndex(h => h.Deadline).HasFilter(HiddenDangerStates.Open.Sql("state")).HasDatabaseName("ix_hidden_danger_open_deadline");

        // The hidden dangers reports and dashboards count (ComplianceSql, DashboardSql), with every column they and the
        // tenant policy read, so a city's counts are an index-only scan (ADR 0011).
        builder.HasIndex(h => h.EnterpriseId, "ix_hidden_danger_counted")
            .IncludeProperties(h => new { h.RegionCode, h.State, h.Level, h.Deadline, h.RegisteredAt, h.AcceptedAt, h.ClosedOutAt, h.Source, h.Category })
            .HasFilter($"NOT is_deleted AND {HiddenDangerStates.Counted.Sql("state")}")
            .HasDatabaseName("ix_hidden_danger_counted");
        builder.ToTable(t => t.HasCheckConstraint("ck_hidden_danger_cost_not_negative", "cost_ten_thousand_yuan IS NULL OR cost_ten_thousand_yuan >= 0"));
    }
}

internal sealed class MajorHiddenDangerCaseConfiguration : IEntityTypeConfiguration<MajorHiddenDangerCase>
{
    public void Configure(EntityTypeBuilder<MajorHiddenDangerCase> builder)
    {
        builder.HasKey(c => c.HiddenDangerId);
        builder.HasOne<HiddenDanger>().WithOne().HasForeignKey<MajorHiddenDangerCase>(c => c.HiddenDangerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.RegionCode).HasMaxLength(6);
        foreach (var text in new[] { "PlanObjectives", "PlanMethods", "PlanFundingAndMaterials", "PlanResponsibleOrganisation", "PlanTimeLimit", "PlanSafetyAndEmergencyMeasures", "InterimSafeguards" })
        {
            builder.Property(text).HasMaxLength(2000);
        }

        builder.Property(c => c.PostingOrganisation).HasMaxLength(100);
        builder.Property(c => c.PostingNoticeNo).HasMaxLength(100);
        builder.HasIndex(c => c.EnterpriseId);
    }
}

internal sealed class HiddenDangerHistoryEntryConfiguration : IEntityTypeConfiguration<HiddenDangerHistoryEntry>
{
    public void Configure(EntityTypeBuilder<HiddenDangerHistoryEntry> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.RegionCode).HasMaxLength(6);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.ByName).HasMaxLength(100);
        builder.Property(e => e.Comment).HasMaxLength(2000);
        builder.HasOne<HiddenDanger>().WithMany().HasForeignKey(e => e.HiddenDangerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.HiddenDangerId, e.At });
    }
}

internal sealed class DeadlineExtensionRequestConfiguration : IEntityTypeConfiguration<DeadlineExtensionRequest>
{
    public void Configure(EntityTypeBuilder<DeadlineExtensionRequest> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RegionCode).HasMaxLength(6);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.Property(r => r.RequestedByName).HasMaxLength(100);
        builder.Property(r => r.DecidedByName).HasMaxLength(100);
        builder.Property(r => r.DecisionComment).HasMaxLength(1000);
        builder.HasOne<HiddenDanger>().WithMany().HasForeignKey(r => r.HiddenDangerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.HiddenDangerId).IsUnique().HasFilter($"decision = {(int)ExtensionDecision.Pending}").HasDatabaseName("ix_deadline_extension_request_one_pending");
    }
}

internal sealed class MajorHiddenDangerCriterionConfiguration : IEntityTypeConfiguration<MajorHiddenDangerCriterion>
{
    public void Configure(EntityTypeBuilder<MajorHiddenDangerCriterion> builder)
    {
        builder.Property(c => c.Version).HasMaxLength(10);
        builder.Property(c => c.TextZh).HasMaxLength(500);
        builder.Property(c => c.TextEn).HasMaxLength(500);
        builder.HasIndex(c => new { c.Version, c.No }).IsUnique();
    }
}
