using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;
using NetTopologySuite.Geometries;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 区域 / 电子围栏 (docs/domain/positioning.md#2-records): a polygon on a site plan, in the plan's metres (SRID 0,
/// ADR 0029), with what the coming fence rules check — occupancy, who may enter and when, escort, stillness and
/// overstay thresholds — and the register's units and major hazard sources it holds.
/// </summary>
public sealed class Zone : ITenantOwned, IAudited
{
    private Zone()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid SitePlanId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The zone's boundary in the plan's metres: valid, not self-intersecting, SRID 0.</summary>
    public Polygon Outline { get; private set; } = Polygon.Empty;

    /// <summary>The colour chosen for the zone; the four-colour map shows the linked units' highest level instead where there is one.</summary>
    public RiskColor RiskColor { get; private set; }

    /// <summary>火灾爆炸危险场所.</summary>
    public bool IsFireExplosionArea { get; private set; }

    /// <summary>Most people allowed at once; null for no limit.</summary>
    public int? MaxOccupancy { get; private set; }

    /// <summary>Fewest people required while anyone is needed (a control room); null for none.</summary>
    public int? MinOccupancy { get; private set; }

    public PersonTypes AllowedPersonTypes { get; private set; }

    /// <summary>Beijing time of day from which entry is allowed; null with <see cref="AllowedUntil"/> for all day.</summary>
    public TimeOnly? AllowedFrom { get; private set; }

    /// <summary>Beijing time of day until which entry is allowed; earlier than <see cref="AllowedFrom"/> spans midnight.</summary>
    public TimeOnly? AllowedUntil { get; private set; }

    /// <summary>Visitors need an escort here.</summary>
    public bool RequiresEscort { get; private set; }

    /// <summary>Seconds without movement before a <c>Static</c> alarm; null for none.</summary>
    public int? StaticAlarmSeconds { get; private set; }

    /// <summary>Seconds of continuous stay before an <c>Overstay</c> alarm; null for none.</summary>
    public int? OverstaySeconds { get; private set; }

    /// <summary>集合点: where people gather in an emergency muster (docs/domain/positioning.md#43-emergency-muster, ADR 0041).</summary>
    public bool IsAssemblyPoint { get; private set; }

    public ZoneSource Source { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public List<ZoneUnitLink> UnitLinks { get; private set; } = [];

    public List<ZoneMajorHazardLink> MajorHazardLinks { get; private set; } = [];

    /// <summary>A zone drawn on <paramref name="plan"/>.</summary>
    public static Zone Draw(SitePlan plan, ZoneDetails details, ZoneSource source, DateTimeOffset now)
    {
        var zone = new Zone
        {
            Id = Guid.CreateVersion7(),
            EnterpriseId = plan.EnterpriseId,
            RegionCode = plan.RegionCode,
            SitePlanId = plan.Id,
            Source = source,
            CreatedAt = now,
        };
        zone.Update(details);
        return zone;
    }

    public void Update(ZoneDetails details)
    {
        Name = details.Name.Trim();
        Outline = details.Outline;
        RiskColor = details.RiskColor;
        IsFireExplosionArea = details.IsFireExplosionArea;
        MaxOccupancy = details.MaxOccupancy;
        MinOccupancy = details.MinOccupancy;
        AllowedPersonTypes = details.AllowedPersonTypes;
        AllowedFrom = details.AllowedFrom;
        AllowedUntil = details.AllowedUntil;
        RequiresEscort = details.RequiresEscort;
        StaticAlarmSeconds = details.StaticAlarmSeconds;
        OverstaySeconds = details.OverstaySeconds;
        IsAssemblyPoint = details.IsAssemblyPoint;
    }

    /// <summary>The zone's editable facts as they stand.</summary>
    public ZoneDetails Details() => new(
        Name, Outline, RiskColor, IsFireExplosionArea, MaxOccupancy, MinOccupancy, AllowedPersonTypes, AllowedFrom, AllowedUntil,
        RequiresEscort, StaticAlarmSeconds, OverstaySeconds, IsAssemblyPoint);

    /// <summary>Carries the outline into a site plan's new metres when its scale changes.</summary>
    public void Reshape(Polygon outline) => Outline = outline;

    /// <summary>Links exactly <paramref name="unitIds"/> and <paramref name="majorHazardSourceIds"/>, keeping the links that stay.</summary>
    public void Link(IReadOnlyCollection<Guid> unitIds, IReadOnlyCollection<Guid> majorHazardSourceIds)
    {
        UnitLinks.RemoveAll(l => !unitIds.Contains(l.UnitId));
        UnitLinks.AddRange(unitIds.Distinct().Where(id => UnitLinks.All(l => l.UnitId != id)).Select(id => new ZoneUnitLink(this, id)));
        MajorHazardLinks.RemoveAll(l => !majorHazardSourceIds.Contains(l.MajorHazardSourceId));
        MajorHazardLinks.AddRange(majorHazardSourceIds.Distinct().Where(id => MajorHazardLinks.All(l => l.MajorHazardSourceId != id))
            .Select(id => new ZoneMajorHazardLink(this, id)));
    }

    public (Guid? EnterpriseId, string? RegionCode) AuditOwner() => (EnterpriseId, RegionCode);
}

/// <summary>The editable facts of a zone.</summary>
public sealed record ZoneDetails(
    string Name,
    Polygon Outline,
    RiskColor RiskColor,
    bool IsFireExplosionArea = false,
    int? MaxOccupancy = null,
    int? MinOccupancy = null,
    PersonTypes AllowedPersonTypes = PersonTypes.Employee | PersonTypes.Contractor | PersonTypes.Visitor | PersonTypes.Driver,
    TimeOnly? AllowedFrom = null,
    TimeOnly? AllowedUntil = null,
    bool RequiresEscort = false,
    int? StaticAlarmSeconds = null,
    int? OverstaySeconds = null,
    bool IsAssemblyPoint = false);
