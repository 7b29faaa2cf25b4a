using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;
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
        builder.HasIndex(h => h.RecordId);
        builder.HasIndex(h => new { h.EnterpriseId, h.State });
    }
}
