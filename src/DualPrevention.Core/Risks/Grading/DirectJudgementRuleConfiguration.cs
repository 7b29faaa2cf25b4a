using DualPrevention.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Risks.Grading;

internal sealed class DirectJudgementRuleConfiguration : IEntityTypeConfiguration<DirectJudgementRule>
{
    public void Configure(EntityTypeBuilder<DirectJudgementRule> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RegionCode).HasMaxLength(6);
        builder.Property(r => r.IssuedBy).HasMaxLength(256);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RegionCode, r.Condition, r.Version }).IsUnique();
    }
}
