using DualPrevention.Core.Localization;
using FluentValidation;

namespace DualPrevention.Core.Risks.MajorHazards;

/// <summary>Shape rules of a major hazard source (docs/domain/dual-prevention.md#37-major-hazard-source); the level is computed from R when R is given.</summary>
public sealed class MajorHazardSourceDetailsValidator : AbstractValidator<MajorHazardSourceDetails>
{
    /// <summary>The largest R numeric(10,2) holds (ADR 0024); the database holds the same range.</summary>
    public const decimal MaximumRValue = 99_999_999.99m;

    public MajorHazardSourceDetailsValidator()
    {
        RuleFor(m => m.HazardCode).NotEmpty().WithMessage(_ => CoreText.Get("MajorHazard.Code.Required")).MaximumLength(50);
        RuleFor(m => m.Name).NotEmpty().WithMessage(_ => CoreText.Get("Risk.Name.Required")).MaximumLength(100);
        RuleFor(m => m.Level).IsInEnum();
        RuleFor(m => m.RValue).InclusiveBetween(0m, MaximumRValue).WithMessage(_ => CoreText.Get("MajorHazard.RValue.Range"));
    }
}
