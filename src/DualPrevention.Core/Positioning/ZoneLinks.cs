using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Positioning;

/// <summary>A risk analysis unit inside a zone: the four-colour map colours the zone by its units' highest level.</summary>
public sealed class ZoneUnitLink : ITenantOwned
{
    private ZoneUnitLink()
    {
    }

    internal ZoneUnitLink(Zone zone, Guid unitId)
    {
        ZoneId = zone.Id;
        UnitId = unitId;
        EnterpriseId = zone.EnterpriseId;
        RegionCode = zone.RegionCode;
    }

    public Guid ZoneId { get; private set; }

    public Guid UnitId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";
}

/// <summary>A major hazard source inside a zone.</summary>
public sealed class ZoneMajorHazardLink : ITenantOwned
{
    private ZoneMajorHazardLink()
    {
    }

    internal ZoneMajorHazardLink(Zone zone, Guid majorHazardSourceId)
    {
        ZoneId = zone.Id;
        MajorHazardSourceId = majorHazardSourceId;
        EnterpriseId = zone.EnterpriseId;
        RegionCode = zone.RegionCode;
    }

    public Guid ZoneId { get; private set; }

    public Guid MajorHazardSourceId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";
}
