using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Risks;

/// <summary>Column rules every register table shares: region code length and the tenant index.</summary>
internal static class RegisterRowMapping
{
    public static void MapRegisterRow<T>(this EntityTypeBuilder<T> builder)
        where T : RegisterRow
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RegionCode).HasMaxLength(6);
        builder.HasIndex(r => r.EnterpriseId);
    }
}
