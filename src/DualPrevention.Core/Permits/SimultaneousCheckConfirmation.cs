using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DualPrevention.Core.Permits;

/// <summary>
/// A distance rule between two permits that could not be measured (a work point missing, or on another plan),
/// confirmed by hand by a named person of the registry (docs/domain/special-operations.md#8-simultaneous-operations-and-exclusions:
/// "without coordinates the matching checklist item is confirmed by hand"). Never changed once written.
/// </summary>
public sealed class SimultaneousCheckConfirmation : ITenantOwned
{
    private SimultaneousCheckConfirmation()
    {
    }

    public Guid Id { get; private set; }

    public Guid PermitId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public SimultaneousRule Rule { get; private set; }

    /// <summary>The other permit of the pair.</summary>
    public Guid OtherPermitId { get; private set; }

    public Guid ConfirmedByPersonId { get; private set; }

    public string ConfirmedByName { get; private set; } = "";

    /// <summary>UTC.</summary>
    public DateTimeOffset ConfirmedAt { get; private set; }

    internal static SimultaneousCheckConfirmation Of(WorkPermit permit, SimultaneousRule rule, Guid otherPermitId, Guid personId, string personName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PermitId = permit.Id,
        EnterpriseId = permit.EnterpriseId,
        RegionCode = permit.RegionCode,
        Rule = rule,
        OtherPermitId = otherPermitId,
        ConfirmedByPersonId = personId,
        ConfirmedByName = personName,
        ConfirmedAt = now,
    };
}

internal sealed class SimultaneousCheckConfirmationConfiguration : IEntityTypeConfiguration<SimultaneousCheckConfirmation>
{
    public void Configure(EntityTypeBuilder<SimultaneousCheckConfirmation> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RegionCode).HasMaxLength(6);
        builder.Property(x => x.ConfirmedByName).HasMaxLength(PermitLimits.PersonNameLength);
        builder.HasOne<WorkPermit>().WithMany().HasForeignKey(x => x.PermitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkPermit>().WithMany().HasForeignKey(x => x.OtherPermitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Positioning.Person>().WithMany().HasForeignKey(x => x.ConfirmedByPersonId).OnDelete(DeleteBehavior.Restrict);

        // One confirmation per rule and pair: a second is refused, not added.
        builder.HasIndex(x => new { x.PermitId, x.Rule, x.OtherPermitId }).IsUnique();
    }
}
