using DualPrevention.Core.Localization;
using FluentValidation;

namespace DualPrevention.Core.Risks.Register;

/// <summary>Shape rules of a risk analysis unit (docs/domain/dual-prevention.md#33-risk-analysis-unit).</summary>
public sealed class RiskAnalysisUnitDetailsValidator : AbstractValidator<RiskAnalysisUnitDetails>
{
    public RiskAnalysisUnitDetailsValidator()
    {
        RuleFor(u => u.Name).NotEmpty().WithMessage(_ => CoreText.Get("Risk.Name.Required")).MaximumLength(200);
        RuleFor(u => u.Department).MaximumLength(200);
        RuleFor(u => u.LiablePerson).MaximumLength(50);
    }
}
