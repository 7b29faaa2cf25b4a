using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // Keys come from a sequence in blocks (hi-lo) so inserts need no RETURNING: row-level security would apply the
        // read policy to returned rows, and a failed sign-in is written before anyone may read the trail.
        builder.Property(a => a.Id).UseHiLo("audit_entry_hilo");
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.RegionCode).HasMaxLength(6);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.CorrelationId).HasMaxLength(100);
        builder.HasIndex(a => a.OccurredAt);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
