using DualPrevention.Core.Localization;
using FluentValidation;

namespace DualPrevention.Core.Positioning;

/// <summary>A plan's name and image size within their ranges, and two distinct reference points a positive distance apart.</summary>
public sealed class SitePlanDetailsValidator : AbstractValidator<SitePlanDetails>
{
    public SitePlanDetailsValidator()
    {
        RuleFor(p => p.Name).NotEmpty().WithMessage(_ => CoreText.Get("Positioning.SitePlan.NameRequired")).MaximumLength(100);
        RuleFor(p => p.ImageWidth).InclusiveBetween(1, PositioningLimits.MaxImagePixels);
        RuleFor(p => p.ImageHeight).InclusiveBetween(1, PositioningLimits.MaxImagePixels);
        RuleFor(p => p.Scale).SetValidator(new ScaleInputValidator());
    }
}

/// <summary>Two reference points on the image, apart, with their real distance (PlanScale).</summary>
public sealed class ScaleInputValidator : AbstractValidator<ScaleInput>
{
    public ScaleInputValidator()
    {
        RuleFor(s => s.Metres).GreaterThan(0).LessThanOrEqualTo(100_000);
        RuleFor(s => s.First.PixelX).InclusiveBetween(0, PositioningLimits.MaxImagePixels);
        RuleFor(s => s.First.PixelY).InclusiveBetween(0, PositioningLimits.MaxImagePixels);
        RuleFor(s => s.Second.PixelX).InclusiveBetween(0, PositioningLimits.MaxImagePixels);
        RuleFor(s => s.Second.PixelY).InclusiveBetween(0, PositioningLimits.MaxImagePixels);
        RuleFor(s => s.Second).Must((s, second) => second != s.First).WithMessage(_ => CoreText.Get("Positioning.SitePlan.PointsCoincide"));
        RuleFor(s => s).Must(s => s.ToScale().MetresPerPixel <= PlanScale.MaxMetresPerPixel)
            .When(s => s.Second != s.First && s.Metres > 0 && OnTheImage(s.First) && OnTheImage(s.Second))
            .OverridePropertyName(nameof(ScaleInput.Metres))
            .WithMessage(_ => CoreText.Get("Positioning.SitePlan.ScaleImplausible"));
    }

    /// <summary>A point inside the largest image a plan may have (NaN is not).</summary>
    private static bool OnTheImage(ReferencePoint point) =>
        point.PixelX is >= 0 and <= PositioningLimits.MaxImagePixels && point.PixelY is >= 0 and <= PositioningLimits.MaxImagePixels;
}

/// <summary>A plan's facts as its form or API gives them.</summary>
public sealed record SitePlanDetails(string Name, int ImageWidth, int ImageHeight, ScaleInput Scale);

/// <summary>Two reference points picked on the image and their distance on the ground in metres.</summary>
public sealed record ScaleInput(ReferencePoint First, ReferencePoint Second, double Metres)
{
    public PlanScale ToScale() => PlanScale.FromReferencePoints(First, Second, Metres);
}
