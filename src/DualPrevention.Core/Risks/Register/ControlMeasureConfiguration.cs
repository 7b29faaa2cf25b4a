using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Risks.Register;

internal sealed class ControlMeasureConfiguration : IEntityTypeConfiguration<ControlMeasure>
{
    public void Configure(EntityTypeBuilder<ControlMeasure> builder)
    {
        builder.MapRegisterRow();
        builder.HasOne<RiskEvent>().WithMany().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Description).HasMaxLength(4000);
        builder.Property(m => m.Classify2).HasMaxLength(5);
        builder.Property(m => m.Classify3).HasMaxLength(100);
        builder.Property(m => m.ResponsibleDepartment).HasMaxLength(200);
        builder.Property(m => m.ResponsiblePerson).HasMaxLength(50);
        builder.HasIndex(m => new { m.EventId, m.Description }).IsUnique().HasFilter("NOT is_deleted");
        builder.ToTable(t => t.HasCheckConstraint("ck_control_measure_cycle_positive", "cycle_value > 0"));
    }
}
