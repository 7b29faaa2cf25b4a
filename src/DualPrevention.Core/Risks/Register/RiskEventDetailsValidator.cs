using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks.Grading;
using FluentValidation;

namespace DualPrevention.Core.Risks.Register;

/// <summary>Shape rules of a risk event: name, accident type, and inputs on the method's scales (docs/domain/dual-prevention.md#42-the-ls-matrix, docs/domain/dual-prevention.md#45-lec).</summary>
public sealed class RiskEventDetailsValidator : AbstractValidator<RiskEventDetails>
{
    public RiskEventDetailsValidator()
    {
        RuleFor(e => e.Name).NotEmpty().WithMessage(_ => CoreText.Get("Risk.Name.Required")).MaximumLength(500);
        RuleFor(e => e.AccidentType).MaximumLength(100);
        RuleFor(e => e.Assessment).NotNull();
        RuleFor(e => e.Assessment.Method).IsInEnum().When(e => e.Assessment is not null);
        RuleFor(e => e.Assessment)
            .Must(a => RiskGrading.Problem(a.Method, a.L, a.S, a.E, a.C) is null)
            .When(e => e.Assessment is not null && Enum.IsDefined(e.Assessment.Method))
            .WithMessage(e => RiskGrading.Problem(e.Assessment.Method, e.Assessment.L, e.Assessment.S, e.Assessment.E, e.Assessment.C));
    }
}
