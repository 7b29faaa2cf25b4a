using DualPrevention.Core.Localization;
using FluentValidation;

namespace DualPrevention.Core.Risks.Register;

/// <summary>Shape rules of a risk analysis unit (docs/domain/dual-prevention.md#33-risk-analysis-unit).</summary>
public sealed class RiskAnalysisUnitDetailsValidator : AbstractValidator<RiskAnalysisUnitDetails>
{
    /// <summary>Room for an extension or a country code, as a switchboard number is written on a card.</summary>
    public const int EmergencyPhoneMaxLength = 32;

    public const int EmergencyMeasuresMaxLength = 2000;

    public RiskAnalysisUnitDetailsValidator()
    {
        RuleFor(u => u.Name).NotEmpty().WithMessage(_ => CoreText.Get("Risk.Name.Required")).MaximumLength(200);
        RuleFor(u => u.Department).MaximumLength(200);
        RuleFor(u => u.LiablePerson).MaximumLength(50);
        RuleFor(u => u.EmergencyPhone)
            .Must(IsPhone!).When(u => !string.IsNullOrWhiteSpace(u.EmergencyPhone))
            .WithMessage(_ => CoreText.Get("RiskUnit.EmergencyPhone.Format", EmergencyPhoneMaxLength));
        RuleFor(u => u.EmergencyMeasures).MaximumLength(EmergencyMeasuresMaxLength)
            .WithMessage(_ => CoreText.Get("RiskUnit.EmergencyMeasures.TooLong", EmergencyMeasuresMaxLength));
    }

    /// <summary>Digits, '-', '+' and spaces, at most <see cref="EmergencyPhoneMaxLength"/> once trimmed (the database checks the same).</summary>
    public static bool IsPhone(string phone)
    {
        var trimmed = phone.Trim();
        return trimmed.Length is > 0 and <= EmergencyPhoneMaxLength && trimmed.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ');
    }
}
