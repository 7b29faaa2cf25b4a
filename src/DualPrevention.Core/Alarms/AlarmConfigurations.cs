using DualPrevention.Core.HiddenDangers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Alarms;

internal sealed class AlarmConfiguration : IEntityTypeConfiguration<Alarm>
{
    public void Configure(EntityTypeBuilder<Alarm> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.RegionCode).HasMaxLength(6);
        builder.Property(a => a.SourceEventId).HasMaxLength(Alarm.SourceEventIdLength);
        builder.Property(a => a.Category).HasMaxLength(Alarm.CategoryLength);
        builder.Property(a => a.Summary).HasMaxLength(Alarm.SummaryLength);
        builder.Property(a => a.Disposition).HasMaxLength(Alarm.NoteLength);
        builder.Property(a => a.DispatchedToName).HasMaxLength(100);
        builder.Property(a => a.Version).IsRowVersion();

        // Idempotency of RaiseAlarm: one alarm per source event (ADR 0037).
        builder.HasIndex(a => new { a.EnterpriseId, a.Source, a.SourceEventId }).IsUnique();

        // The duty list and the dedup look-up read an enterprise's open alarms only.
        builder.HasIndex(a => new { a.EnterpriseId, a.RaisedAt })
            .HasFilter(AlarmStates.Open.Sql("status"))
            .HasDatabaseName("ix_alarm_enterprise_id_raised_at_open");

        // The alarm-debt ledger reads each enterprise's alarms of a period, whatever their state (ADR 0042).
        builder.HasIndex(a => new { a.EnterpriseId, a.RaisedAt }, "ix_alarm_enterprise_id_raised_at");

        // The SLA job reads new alarms by their due time.
        builder.HasIndex(a => a.ConfirmDueAt)
            .HasFilter($"status = {(int)AlarmStatus.New}")
            .HasDatabaseName("ix_alarm_confirm_due_at_new");
        builder.HasOne<HiddenDanger>().WithMany().HasForeignKey(a => a.HiddenDangerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.HiddenDangerId).IsUnique().HasFilter("hidden_danger_id IS NOT NULL");
    }
}

internal sealed class AlarmEventConfiguration : IEntityTypeConfiguration<AlarmEvent>
{
    public void Configure(EntityTypeBuilder<AlarmEvent> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.RegionCode).HasMaxLength(6);
        builder.Property(e => e.ByName).HasMaxLength(100);
        builder.Property(e => e.Comment).HasMaxLength(Alarm.NoteLength);
        builder.HasOne<Alarm>().WithMany().HasForeignKey(e => e.AlarmId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.AlarmId, e.At });
    }
}
