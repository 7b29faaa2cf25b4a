using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Positioning;

/// <summary>What a person named on a zone's list is to it (docs/domain/positioning.md#2-records).</summary>
public enum ZonePersonRole
{
    /// <summary>白名单: admitted whatever the zone's allowed person types (a visitor approved for a red zone); the hours still apply.</summary>
    Whitelisted = 1,

    /// <summary>在岗人员: must be in the zone during its hours (a post operator); absent too long raises <c>LeftZone</c>.</summary>
    Required = 2,
}

/// <summary>A person named on a zone's whitelist or on its list of people required there.</summary>
public sealed class ZonePersonLink : ITenantOwned, IAudited
{
    private ZonePersonLink()
    {
    }

    internal ZonePersonLink(Zone zone, Guid personId, ZonePersonRole role)
    {
        ZoneId = zone.Id;
        PersonId = personId;
        Role = role;
        EnterpriseId = zone.EnterpriseId;
        RegionCode = zone.RegionCode;
    }

    public Guid ZoneId { get; private set; }

    public Guid PersonId { get; private set; }

    public ZonePersonRole Role { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public (Guid? EnterpriseId, string? RegionCode) AuditOwner() => (EnterpriseId, RegionCode);
}
