using DualPrevention.Core.Localization;
using DualPrevention.Core.Positioning;
using FluentValidation;
using FluentValidation.Results;
using NetTopologySuite.Geometries;

namespace DualPrevention.Web.Positioning;

/// <summary>
/// A GeoJSON polygon (RFC 7946 §3.1.6) in a site plan's metres, x to the right and y up from the plan's origin (ADR 0029):
/// <c>{"type":"Polygon","coordinates":[[[x,y],…,[x,y]]]}</c>, one ring, closed or not. A small typed record rather than
/// NetTopologySuite's GeoJSON converters, so the OpenAPI document describes its shape.
/// </summary>
public sealed record GeoJsonPolygon(string Type, IReadOnlyList<IReadOnlyList<double[]>> Coordinates)
{
    private static readonly GeometryFactory Metres = new(new PrecisionModel(), 0);

    public static GeoJsonPolygon From(Polygon outline) =>
        new("Polygon", [[.. outline.ExteriorRing.Coordinates.Select(c => new[] { c.X, c.Y })]]);

    /// <summary>The outline as a polygon of SRID 0, its ring closed; null when it is not a polygon of one ring of at least three [x, y] positions.</summary>
    public Polygon? ToOutline()
    {
        if (!string.Equals(Type, "Polygon", StringComparison.Ordinal) || Coordinates is not [var ring] || ring.Count < 3
            || ring.Any(p => p is not { Length: 2 } || !double.IsFinite(p[0]) || !double.IsFinite(p[1])))
        {
            return null;
        }

        var corners = ring.Select(p => new Coordinate(p[0], p[1])).ToList();
        if (!corners[0].Equals2D(corners[^1]))
        {
            corners.Add(corners[0].Copy());
        }

        return corners.Count < 4 ? null : Metres.CreatePolygon([.. corners]);
    }
}

/// <summary>A zone as a GeoJSON feature: its outline and its facts, with the colour the four-colour map gives it.</summary>
public sealed record ZoneFeature(string Type, Guid Id, GeoJsonPolygon Geometry, ZoneProperties Properties)
{
    public static ZoneFeature From(GetFourColorRiskMap.MapZone zone) => new("Feature", zone.Id, GeoJsonPolygon.From(zone.Outline), new ZoneProperties(
        zone.Name, zone.Color, zone.FromRegister, zone.Details.RiskColor, zone.IsFireExplosionArea, zone.Details.MaxOccupancy,
        zone.Details.MinOccupancy, zone.Details.AllowedPersonTypes, zone.Details.AllowedFrom, zone.Details.AllowedUntil,
        zone.Details.RequiresEscort, zone.Details.StaticAlarmSeconds, zone.Details.OverstaySeconds, zone.UnitIds, zone.MajorHazardSourceIds,
        zone.Details.IsAssemblyPoint));
}

/// <summary>
/// A zone's facts. <see cref="MapColor"/> is what the four-colour map shows (the linked units' highest level where
/// <see cref="ColorFromRegister"/>), <see cref="RiskColor"/> the colour chosen for the zone.
/// </summary>
public sealed record ZoneProperties(
    string Name,
    RiskColor MapColor,
    bool ColorFromRegister,
    RiskColor RiskColor,
    bool IsFireExplosionArea,
    int? MaxOccupancy,
    int? MinOccupancy,
    PersonTypes AllowedPersonTypes,
    TimeOnly? AllowedFrom,
    TimeOnly? AllowedUntil,
    bool RequiresEscort,
    int? StaticAlarmSeconds,
    int? OverstaySeconds,
    IReadOnlyList<Guid> UnitIds,
    IReadOnlyList<Guid> MajorHazardSourceIds,
    bool IsAssemblyPoint);

/// <summary>A plan's zones as a GeoJSON feature collection.</summary>
public sealed record ZoneLayer(string Type, IReadOnlyList<ZoneFeature> Features);

/// <summary>
/// A site plan with its scale and zones. Pixel (column, row) of the image lies at metres
/// ((column − <see cref="OriginPixelX"/>) × <see cref="MetresPerPixel"/>, (<see cref="OriginPixelY"/> − row) × <see cref="MetresPerPixel"/>).
/// </summary>
public sealed record SitePlanView(
    Guid Id, string Name, int ImageWidth, int ImageHeight, bool IsScaled, double OriginPixelX, double OriginPixelY, double MetresPerPixel,
    string? ImageUrl, ZoneLayer Zones)
{
    public static SitePlanView From(GetFourColorRiskMap.Map map)
    {
        var p = map.Plan;
        return new SitePlanView(
            p.Id, p.Name, p.ImageWidth, p.ImageHeight, p.IsScaled, p.OriginPixelX, p.OriginPixelY, p.MetresPerPixel,
            p.ImageStorageKey is null ? null : $"/api/v1/site-plans/{p.Id}/image",
            new ZoneLayer("FeatureCollection", [.. map.Zones.Select(ZoneFeature.From)]));
    }
}

/// <summary>Body of drawing or changing a zone: its outline in the plan's metres, its facts and what it links.</summary>
public sealed record ZoneBody(
    GeoJsonPolygon Geometry,
    string Name,
    RiskColor RiskColor,
    bool IsFireExplosionArea = false,
    int? MaxOccupancy = null,
    int? MinOccupancy = null,
    PersonTypes? AllowedPersonTypes = null,
    TimeOnly? AllowedFrom = null,
    TimeOnly? AllowedUntil = null,
    bool RequiresEscort = false,
    int? StaticAlarmSeconds = null,
    int? OverstaySeconds = null,
    IReadOnlyList<Guid>? UnitIds = null,
    IReadOnlyList<Guid>? MajorHazardSourceIds = null,
    bool IsAssemblyPoint = false)
{
    private static readonly Polygon NoOutline = new GeometryFactory(new PrecisionModel(), 0).CreatePolygon();

    /// <exception cref="ValidationException">
    /// The geometry is missing or not a polygon: the failures name <c>geometry</c> and every other malformed field.
    /// </exception>
    public ZoneDetails ToDetails()
    {
        var outline = Geometry?.ToOutline();
        var details = new ZoneDetails(
            Name ?? "", outline ?? NoOutline, RiskColor, IsFireExplosionArea, MaxOccupancy, MinOccupancy,
            AllowedPersonTypes ?? (PersonTypes.Employee | PersonTypes.Contractor | PersonTypes.Visitor | PersonTypes.Driver),
            AllowedFrom, AllowedUntil, RequiresEscort, StaticAlarmSeconds, OverstaySeconds, IsAssemblyPoint);
        if (outline is null)
        {
            var others = new ZoneDetailsValidator().Validate(details).Errors.Where(e => e.PropertyName != nameof(ZoneDetails.Outline));
            throw new ValidationException([new ValidationFailure("geometry", CoreText.Get("Positioning.Zone.OutlineInvalid")), .. others]);
        }

        return details;
    }
}
