using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Accounts;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(50);
        builder.Property(u => u.ScopeRegionCode).HasMaxLength(6);
        builder.Property(u => u.PreferredCulture).HasMaxLength(10);
        builder.Property(u => u.Department).HasMaxLength(100);
        builder.Property(u => u.Post).HasMaxLength(100);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(u => u.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(u => u.ScopeRegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.EnterpriseId);
        builder.ToTable(t => t.HasCheckConstraint(
            "ck_user_exactly_one_scope", "(enterprise_id IS NULL) <> (scope_region_code IS NULL)"));
    }
}
