using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Photos;

internal sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.RegionCode).HasMaxLength(6);
        builder.Property(p => p.StorageKey).HasMaxLength(64);
        builder.Property(p => p.ContentType).HasMaxLength(20);
        builder.HasIndex(p => p.RecordId);
        builder.HasIndex(p => p.HiddenDangerId);
        builder.HasIndex(p => p.EnterpriseId);

        // The clean-up job's and the upload quota's reads: only photos waiting to be attached carry an expiry.
        builder.HasIndex(p => new { p.UploadedByUserId, p.ExpiresAt }).HasFilter("expires_at IS NOT NULL");
    }
}
