using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Escalations;

internal sealed class EscalationRuleConfiguration : IEntityTypeConfiguration<EscalationRule>
{
    public void Configure(EntityTypeBuilder<EscalationRule> builder)
    {
        builder.Property(r => r.RegionCode).HasMaxLength(6);
        builder.Property(r => r.StepCode).HasMaxLength(40);
        builder.HasIndex(r => new { r.RegionCode, r.StepCode }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_escalation_rule_days_not_negative", "days >= 0"));
    }
}

internal sealed class EscalationRecordConfiguration : IEntityTypeConfiguration<EscalationRecord>
{
    public void Configure(EntityTypeBuilder<EscalationRecord> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RegionCode).HasMaxLength(6);
        builder.Property(r => r.Period).HasMaxLength(10);
        builder.Property(r => r.StepCode).HasMaxLength(40);
        builder.HasIndex(r => new { r.Subject, r.SubjectId, r.Period, r.StepCode }).IsUnique();
        builder.HasIndex(r => new { r.Target, r.RegionCode });

        // The outbox's queue: only records not yet fanned out, oldest first (ADR 0010). It replaces the index on
        // enterprise_id, which no query read (the lists go by target and region, an item's records by subject),
        // so recording a step still costs the same four index entries.
        builder.HasIndex(r => r.FiredAt).HasFilter("notified_at IS NULL").HasDatabaseName("ix_escalation_record_pending");
    }
}
