using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Positioning;

internal sealed class PositioningTagConfiguration : IEntityTypeConfiguration<PositioningTag>
{
    public void Configure(EntityTypeBuilder<PositioningTag> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.RegionCode).HasMaxLength(6);
        builder.Property(t => t.Serial).HasMaxLength(64);
        builder.HasIndex(t => new { t.EnterpriseId, t.Serial }).IsUnique();
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.RegionCode).HasMaxLength(6);
        builder.Property(p => p.Name).HasMaxLength(50);
        builder.Property(p => p.Company).HasMaxLength(100);
        builder.HasIndex(p => new { p.EnterpriseId, p.Name });
        builder.HasMany(p => p.Certificates).WithOne().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Certificates).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PersonCertificateConfiguration : IEntityTypeConfiguration<PersonCertificate>
{
    public void Configure(EntityTypeBuilder<PersonCertificate> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.RegionCode).HasMaxLength(6);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Number).HasMaxLength(50);
    }
}

internal sealed class TagBindingConfiguration : IEntityTypeConfiguration<TagBinding>
{
    public void Configure(EntityTypeBuilder<TagBinding> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.RegionCode).HasMaxLength(6);
        builder.HasOne<PositioningTag>().WithMany().HasForeignKey(b => b.TagId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(b => b.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(b => b.EscortPersonId).OnDelete(DeleteBehavior.SetNull);
        // One wearer per tag at a time: a fix names one person.
        builder.HasIndex(b => b.TagId).IsUnique().HasFilter("returned_at IS NULL").HasDatabaseName("ix_tag_binding_tag_id_not_returned");
        builder.HasIndex(b => b.PersonId);
    }
}

internal sealed class DeviceCredentialConfiguration : IEntityTypeConfiguration<DeviceCredential>
{
    public void Configure(EntityTypeBuilder<DeviceCredential> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.RegionCode).HasMaxLength(6);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Username).HasMaxLength(64);
        builder.Property(c => c.SecretHash).HasMaxLength(100);
        builder.HasIndex(c => c.Username).IsUnique();
        builder.HasIndex(c => c.EnterpriseId);
    }
}

internal sealed class CameraConfiguration : IEntityTypeConfiguration<Camera>
{
    public void Configure(EntityTypeBuilder<Camera> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.RegionCode).HasMaxLength(6);
        builder.Property(c => c.Name).HasMaxLength(Camera.NameLength);
        builder.Property(c => c.DeviceId).HasMaxLength(CameraDeviceId.Length);
        builder.Property(c => c.StreamUrl).HasMaxLength(Camera.StreamUrlLength);
        builder.Property(c => c.Vendor).HasMaxLength(Camera.VendorLength);
        builder.Property(c => c.Position).HasColumnType("geometry(Point, 0)");

        // Unique within the enterprise, not across: a global index would tell one enterprise that another holds an id.
        builder.HasIndex(c => new { c.EnterpriseId, c.DeviceId }).IsUnique();
        builder.HasOne<SitePlan>().WithMany().HasForeignKey(c => c.SitePlanId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Zone>().WithMany().HasForeignKey(c => c.ZoneId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => c.SitePlanId);
    }
}
