using System.Text.Json;
using DualPrevention.Core.Risks.MajorHazards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.MajorHazards;

internal sealed class HazardousChemicalConfiguration : IEntityTypeConfiguration<HazardousChemical>
{
    public void Configure(EntityTypeBuilder<HazardousChemical> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.RegionCode).HasMaxLength(6);
        builder.Property(c => c.Cas).HasMaxLength(HazardousChemicalLimits.CasLength);
        builder.Property(c => c.NameZh).HasMaxLength(HazardousChemicalLimits.NameLength);
        builder.Property(c => c.NameEn).HasMaxLength(HazardousChemicalLimits.NameLength);
        builder.Property(c => c.ThresholdQuantity).HasPrecision(10, 4);
        builder.Property(c => c.NamedBeta).HasPrecision(4, 1);
        builder.Ignore(c => c.HazardClasses);

        // Table 1's rows once each; an enterprise's names once within it.
        builder.HasIndex(c => c.TableRow).IsUnique().HasFilter("table_row IS NOT NULL");
        builder.HasIndex(c => new { c.EnterpriseId, c.NameZh }).IsUnique().HasFilter("enterprise_id IS NOT NULL");
    }
}

internal sealed class MajorHazardSubstanceConfiguration : IEntityTypeConfiguration<MajorHazardSubstance>
{
    public void Configure(EntityTypeBuilder<MajorHazardSubstance> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.RegionCode).HasMaxLength(6);
        builder.Property(s => s.DesignMaxQuantity).HasPrecision(18, 4);
        builder.HasOne<MajorHazardSource>().WithMany().HasForeignKey(s => s.MajorHazardSourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<HazardousChemical>().WithMany().HasForeignKey(s => s.ChemicalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.MajorHazardSourceId, s.Seq }).IsUnique();
    }
}

internal sealed class MajorHazardCalculationConfiguration : IEntityTypeConfiguration<MajorHazardCalculation>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<MajorHazardCalculation> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.RegionCode).HasMaxLength(6);
        builder.Property(c => c.StandardVersion).HasMaxLength(30);
        builder.Property(c => c.CalculatedByName).HasMaxLength(100);
        builder.Property(c => c.Alpha).HasPrecision(3, 1);

        // S and R unconstrained numeric: exact as computed (ADR 0047).
        builder.Property(c => c.SValue).HasColumnType("numeric");
        builder.Property(c => c.RValue).HasColumnType("numeric");
        builder.Property(c => c.Lines)
            .HasColumnType("jsonb")
            .HasConversion(
                l => JsonSerializer.Serialize(l, Json),
                s => JsonSerializer.Deserialize<List<CalculationLine>>(s, Json)!,
                new ValueComparer<List<CalculationLine>>((a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json), l => JsonSerializer.Serialize(l, Json).GetHashCode(StringComparison.Ordinal), l => l));
        builder.HasOne<MajorHazardSource>().WithMany().HasForeignKey(c => c.MajorHazardSourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.MajorHazardSourceId, c.CalculatedAt });
    }
}

/// <summary>Lengths of the catalogue's text.</summary>
public static class HazardousChemicalLimits
{
    public const int CasLength = 20;
    public const int NameLength = 100;
}
