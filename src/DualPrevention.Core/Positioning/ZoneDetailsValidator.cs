using DualPrevention.Core.Localization;
using FluentValidation;
using NetTopologySuite.Geometries;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// A zone's facts within their ranges (<see cref="PositioningLimits"/>) and its outline a valid simple polygon in the
/// plan's metres (ADR 0029); the database checks the same with <c>ST_IsValid</c>.
/// </summary>
public sealed class ZoneDetailsValidator : AbstractValidator<ZoneDetails>
{
    public ZoneDetailsValidator()
    {
        RuleFor(z => z.Name).NotEmpty().WithMessage(_ => CoreText.Get("Positioning.Zone.NameRequired")).MaximumLength(100);
        RuleFor(z => z.Outline).Must(BeValidOutline).WithMessage(_ => CoreText.Get("Positioning.Zone.OutlineInvalid"));
        RuleFor(z => z.RiskColor).IsInEnum();
        RuleFor(z => z.AllowedPersonTypes).Must(t => (t & ~AllPersonTypes) == 0);
        RuleFor(z => z.MaxOccupancy).InclusiveBetween(1, PositioningLimits.MaxOccupancy);
        RuleFor(z => z.MinOccupancy).InclusiveBetween(1, PositioningLimits.MaxOccupancy);
        RuleFor(z => z.MinOccupancy).LessThanOrEqualTo(z => z.MaxOccupancy)
            .When(z => z.MinOccupancy is not null && z.MaxOccupancy is not null)
            .WithMessage(_ => CoreText.Get("Positioning.Zone.MinAboveMax"));
        RuleFor(z => z.StaticAlarmSeconds).InclusiveBetween(1, PositioningLimits.MaxAlarmSeconds);
        RuleFor(z => z.OverstaySeconds).InclusiveBetween(1, PositioningLimits.MaxAlarmSeconds);
        RuleFor(z => z.AllowedUntil).NotNull().When(z => z.AllowedFrom is not null)
            .WithMessage(_ => CoreText.Get("Positioning.Zone.HoursIncomplete"));
        RuleFor(z => z.AllowedFrom).NotNull().When(z => z.AllowedUntil is not null)
            .WithMessage(_ => CoreText.Get("Positioning.Zone.HoursIncomplete"));
    }

    private const PersonTypes AllPersonTypes = PersonTypes.Employee | PersonTypes.Contractor | PersonTypes.Visitor | PersonTypes.Driver;

    /// <summary>A closed ring of at least three corners, not crossing itself, of plausible size, without SRID.</summary>
    public static bool BeValidOutline(Polygon? outline) =>
        outline is { IsEmpty: false, SRID: 0, IsValid: true, NumInteriorRings: 0 }
        && outline.NumPoints <= PositioningLimits.MaxOutlinePoints
        && outline.Area > 0;
}
