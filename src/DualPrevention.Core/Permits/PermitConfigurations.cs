using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Permits;

internal sealed class WorkPermitConfiguration : IEntityTypeConfiguration<WorkPermit>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<WorkPermit> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.RegionCode).HasMaxLength(6);
        builder.Property(p => p.Number).HasMaxLength(PermitLimits.NumberLength);
        builder.Property(p => p.ApplicantUnit).HasMaxLength(PermitLimits.NameLength);
        builder.Property(p => p.WorkContent).HasMaxLength(PermitLimits.TextLength);
        builder.Property(p => p.LocationText).HasMaxLength(PermitLimits.NameLength);
        builder.Property(p => p.Contractor).HasMaxLength(PermitLimits.NameLength);
        builder.Property(p => p.HazardAnalysisResult).HasMaxLength(PermitLimits.TextLength);
        builder.Property(p => p.OtherMeasures).HasMaxLength(PermitLimits.TextLength);
        builder.Property(p => p.OtherMeasuresAuthor).HasMaxLength(PermitLimits.PersonNameLength);
        builder.Property(p => p.ShiftLeaderCheckedByName).HasMaxLength(PermitLimits.PersonNameLength);
        builder.Property(p => p.AcceptedByName).HasMaxLength(PermitLimits.PersonNameLength);
        builder.Property(p => p.CompletionNotes).HasMaxLength(PermitLimits.TextLength);
        builder.Property(p => p.EndReason).HasMaxLength(PermitLimits.TextLength);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Property(p => p.WorkPoint).HasColumnType("geometry(Point, 0)");
        builder.Property(p => p.WorkFence).HasColumnType("geometry(Polygon, 0)");
        builder.HasOne<Positioning.SitePlan>().WithMany().HasForeignKey(p => p.SitePlanId).OnDelete(DeleteBehavior.Restrict);

        // The type-specific part as one typed jsonb document (ADR 0045); records compare by value.
        builder.Property(p => p.Details)
            .HasColumnType("jsonb")
            .HasConversion(
                d => JsonSerializer.Serialize(d, Json),
                s => JsonSerializer.Deserialize<PermitDetails>(s, Json)!,
                new ValueComparer<PermitDetails>((a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json), d => JsonSerializer.Serialize(d, Json).GetHashCode(StringComparison.Ordinal), d => d));

        // Numbers are unique per enterprise (ADR 0045).
        builder.HasIndex(p => new { p.EnterpriseId, p.Number }).IsUnique();

        // The list reads an enterprise's permits newest first; the expiry job reads open ones by deadline.
        builder.HasIndex(p => new { p.EnterpriseId, p.AppliedAt });
        builder.HasIndex(p => p.Status);

        // The exclusion check and the conflict board read the open permits of one plan (ADR 0045).
        builder.HasIndex(p => new { p.SitePlanId, p.Status });

        builder.HasMany(p => p.People).WithOne().HasForeignKey(x => x.PermitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Measures).WithOne().HasForeignKey(x => x.PermitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Approvals).WithOne().HasForeignKey(x => x.PermitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.GasTests).WithOne().HasForeignKey(x => x.PermitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Interruptions).WithOne().HasForeignKey(x => x.PermitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Briefings).WithOne().HasForeignKey(x => x.PermitId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(WorkPermit.People), nameof(WorkPermit.Measures), nameof(WorkPermit.Approvals), nameof(WorkPermit.GasTests), nameof(WorkPermit.Interruptions), nameof(WorkPermit.Briefings) })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}

internal sealed class PermitPersonConfiguration : IEntityTypeConfiguration<PermitPerson>
{
    public void Configure(EntityTypeBuilder<PermitPerson> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RegionCode).HasMaxLength(6);
        builder.HasOne<Positioning.Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Positioning.PersonCertificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.PermitId, x.PersonId, x.Role }).IsUnique();
        builder.HasIndex(x => x.PersonId);
    }
}

internal sealed class PermitMeasureConfiguration : IEntityTypeConfiguration<PermitMeasure>
{
    public void Configure(EntityTypeBuilder<PermitMeasure> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RegionCode).HasMaxLength(6);
        builder.Property(x => x.Text).HasMaxLength(PermitLimits.TextLength);
        builder.Property(x => x.Clause).HasMaxLength(50);
        builder.Property(x => x.ConfirmedByName).HasMaxLength(PermitLimits.PersonNameLength);
        builder.HasOne<Positioning.Person>().WithMany().HasForeignKey(x => x.ConfirmedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.PermitId, x.Seq }).IsUnique();
    }
}

internal sealed class ApprovalStepConfiguration : IEntityTypeConfiguration<ApprovalStep>
{
    public void Configure(EntityTypeBuilder<ApprovalStep> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RegionCode).HasMaxLength(6);
        builder.Property(x => x.SignedByName).HasMaxLength(PermitLimits.PersonNameLength);
        builder.Property(x => x.Opinion).HasMaxLength(PermitLimits.TextLength);
        builder.HasIndex(x => new { x.PermitId, x.Seq }).IsUnique();
    }
}

internal sealed class SafetyBriefingConfiguration : IEntityTypeConfiguration<SafetyBriefing>
{
    public void Configure(EntityTypeBuilder<SafetyBriefing> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RegionCode).HasMaxLength(6);
        builder.Property(x => x.Content).HasMaxLength(PermitLimits.TextLength);
        builder.HasOne<Positioning.Person>().WithMany().HasForeignKey(x => x.BriefedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.PermitId);
    }
}

internal sealed class GasTestConfiguration : IEntityTypeConfiguration<GasTest>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<GasTest> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RegionCode).HasMaxLength(6);
        builder.Property(x => x.Point).HasMaxLength(PermitLimits.NameLength);
        builder.Property(x => x.RepresentativeGas).HasMaxLength(50);
        builder.Property(x => x.Analyst).HasMaxLength(PermitLimits.PersonNameLength);
        builder.Property(x => x.DetectorId).HasMaxLength(50);
        builder.Property(x => x.LowerExplosiveLimit).HasPrecision(7, 4);
        builder.Property(x => x.FlammableValue).HasPrecision(9, 4);
        builder.Property(x => x.FlammableVolume).HasPrecision(9, 4);
        builder.Property(x => x.Oxygen).HasPrecision(7, 3);
        builder.Property(x => x.Toxic)
            .HasColumnType("jsonb")
            .HasConversion(
                t => JsonSerializer.Serialize(t, Json),
                s => JsonSerializer.Deserialize<List<ToxicReading>>(s, Json)!,
                new ValueComparer<List<ToxicReading>>((a, b) => a!.SequenceEqual(b!), t => t.Count, t => t.ToList()));
        builder.HasIndex(x => new { x.PermitId, x.SampledAt });
    }
}

internal sealed class PermitInterruptionConfiguration : IEntityTypeConfiguration<PermitInterruption>
{
    public void Configure(EntityTypeBuilder<PermitInterruption> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RegionCode).HasMaxLength(6);
        builder.Property(x => x.Reason).HasMaxLength(PermitLimits.TextLength);
        builder.HasIndex(x => x.PermitId);
    }
}

internal sealed class WorkPermitEventConfiguration : IEntityTypeConfiguration<WorkPermitEvent>
{
    public void Configure(EntityTypeBuilder<WorkPermitEvent> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RegionCode).HasMaxLength(6);
        builder.Property(x => x.ByName).HasMaxLength(PermitLimits.PersonNameLength);
        builder.Property(x => x.Reason).HasMaxLength(PermitLimits.TextLength);
        builder.HasOne<WorkPermit>().WithMany().HasForeignKey(x => x.PermitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.PermitId, x.At });
    }
}

internal sealed class PermitNumberCounterConfiguration : IEntityTypeConfiguration<PermitNumberCounter>
{
    public void Configure(EntityTypeBuilder<PermitNumberCounter> builder)
    {
        builder.HasKey(x => new { x.EnterpriseId, x.Prefix, x.Day });
        builder.Property(x => x.RegionCode).HasMaxLength(6);
        builder.Property(x => x.Prefix).HasMaxLength(4);
    }
}

internal sealed class PermitMeasureTemplateConfiguration : IEntityTypeConfiguration<PermitMeasureTemplate>
{
    public void Configure(EntityTypeBuilder<PermitMeasureTemplate> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Version).HasMaxLength(20);
        builder.Property(x => x.Text).HasMaxLength(PermitLimits.TextLength);
        builder.Property(x => x.Clause).HasMaxLength(50);
        builder.HasIndex(x => new { x.Type, x.Version, x.Seq }).IsUnique();
    }
}

internal sealed class EnterpriseMeasureItemConfiguration : IEntityTypeConfiguration<EnterpriseMeasureItem>
{
    public void Configure(EntityTypeBuilder<EnterpriseMeasureItem> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RegionCode).HasMaxLength(6);
        builder.Property(x => x.Text).HasMaxLength(PermitLimits.TextLength);
        builder.HasIndex(x => new { x.EnterpriseId, x.Type, x.Seq }).IsUnique();
    }
}

internal sealed class PermitSignerConfiguration : IEntityTypeConfiguration<PermitSigner>
{
    public void Configure(EntityTypeBuilder<PermitSigner> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RegionCode).HasMaxLength(6);
        builder.HasOne<Enterprises.Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Positioning.Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.UserId, x.Function, x.PersonId }).IsUnique().AreNullsDistinct(false);

        // A registry person is one account (ADR 0051).
        builder.HasIndex(x => x.PersonId).IsUnique();
        builder.HasIndex(x => new { x.EnterpriseId, x.Function });
    }
}
