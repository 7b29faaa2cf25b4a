using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Inspections;

internal sealed class HolidayCalendarDayConfiguration : IEntityTypeConfiguration<HolidayCalendarDay>
{
    public void Configure(EntityTypeBuilder<HolidayCalendarDay> builder)
    {
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(50);
    }
}

internal sealed class DeactivationRecordConfiguration : IEntityTypeConfiguration<DeactivationRecord>
{
    public void Configure(EntityTypeBuilder<DeactivationRecord> builder)
    {
        builder.MapRegisterRow();
        builder.HasOne<RiskAnalysisUnit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Reason).HasMaxLength(500);
        builder.HasIndex(d => new { d.UnitId, d.StopStartAt });
        builder.ToTable(t => t.HasCheckConstraint("ck_deactivation_record_period", "stop_end_at > stop_start_at"));
    }
}

internal sealed class InspectionTaskDefinitionConfiguration : IEntityTypeConfiguration<InspectionTaskDefinition>
{
    public void Configure(EntityTypeBuilder<InspectionTaskDefinition> builder)
    {
        builder.MapRegisterRow();
        builder.HasOne<ControlMeasure>().WithMany().HasForeignKey(d => d.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RiskAnalysisUnit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.MeasureId).IsUnique();
        builder.Property(d => d.Content).HasMaxLength(4000);
        builder.Property(d => d.ResponsibleDepartment).HasMaxLength(200);
        builder.Property(d => d.AssigneePost).HasMaxLength(100);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_inspection_task_definition_cycle_positive", "cycle_value > 0");
            t.HasCheckConstraint("ck_inspection_task_definition_one_assignee", "assignee_user_id IS NULL OR assignee_post IS NULL");
        });
    }
}

internal sealed class InspectionTaskConfiguration : IEntityTypeConfiguration<InspectionTask>
{
    public void Configure(EntityTypeBuilder<InspectionTask> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.RegionCode).HasMaxLength(6);
        builder.Property(t => t.AssigneePost).HasMaxLength(100);
        builder.HasOne<InspectionTaskDefinition>().WithMany().HasForeignKey(t => t.DefinitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.DefinitionId, t.WindowStart }).IsUnique();
        builder.HasIndex(t => new { t.EnterpriseId, t.WindowStart });
        builder.HasIndex(t => new { t.UnitId, t.WindowStart });
        builder.HasIndex(t => t.WindowEnd).HasFilter(InspectionTaskStates.Unfinished.Sql("status")).HasDatabaseName("ix_inspection_task_unfinished_window_end");

        // Escalation counts the missed windows of the last two weeks: an index-only scan of the ~3 % missed, with the
        // columns row-level security reads, instead of a scan of every window (docs/benchmarks.md, escalation).
        builder.HasIndex(t => t.WindowEnd, "ix_inspection_task_missed_window_end").HasFilter($"status = {(int)InspectionTaskStatus.Missed}")
            .IncludeProperties(t => new { t.EnterpriseId, t.RegionCode }).HasDatabaseName("ix_inspection_task_missed_window_end");
        builder.ToTable(t => t.HasCheckConstraint("ck_inspection_task_window", "window_end > window_start"));
    }
}

internal sealed class InspectionRecordConfiguration : IEntityTypeConfiguration<InspectionRecord>
{
    public void Configure(EntityTypeBuilder<InspectionRecord> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RegionCode).HasMaxLength(6);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.Property(r => r.CheckedByName).HasMaxLength(100);
        builder.Property(r => r.DeviceImei).HasMaxLength(20);
        builder.Property(r => r.OnBehalfReason).HasMaxLength(200);
        builder.HasOne<InspectionTask>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.EnterpriseId, r.SubmissionId }).IsUnique();
        builder.HasIndex(r => r.TaskId);
        builder.HasIndex(r => new { r.EnterpriseId, r.CheckedAt });
        builder.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class InspectionGenerationMarkConfiguration : IEntityTypeConfiguration<InspectionGenerationMark>
{
    public void Configure(EntityTypeBuilder<InspectionGenerationMark> builder)
    {
        builder.HasKey(m => m.EnterpriseId);
        builder.Property(m => m.RegionCode).HasMaxLength(6);
    }
}
