using DualPrevention.Core.Localization;
using FluentValidation;

namespace DualPrevention.Core.Risks.Register;

/// <summary>Shape rules of a risk analysis object (docs/domain/dual-prevention.md#32-risk-analysis-object); lengths are those of the exchange.</summary>
public sealed class RiskAnalysisObjectDetailsValidator : AbstractValidator<RiskAnalysisObjectDetails>
{
    public RiskAnalysisObjectDetailsValidator()
    {
        RuleFor(o => o.ObjectType).IsInEnum();
        RuleFor(o => o.HazardCode).NotEmpty().WithMessage(_ => CoreText.Get("Risk.HazardCode.Required")).MaximumLength(50);
        RuleFor(o => o.Name).NotEmpty().WithMessage(_ => CoreText.Get("Risk.Name.Required")).MaximumLength(200);
        RuleFor(o => o.Department).MaximumLength(200);
        RuleFor(o => o.LiablePerson).MaximumLength(50);
        RuleFor(o => o.MajorHazardSourceId)
            .Null().When(o => o.ObjectType != RiskObjectType.MajorHazardSource)
            .WithMessage(_ => CoreText.Get("Risk.Object.MajorHazardSourceOnlyForType"));
    }
}
