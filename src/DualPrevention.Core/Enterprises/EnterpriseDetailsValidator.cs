using DualPrevention.Core.Localization;
using DualPrevention.Core.Regions;
using FluentValidation;

namespace DualPrevention.Core.Enterprises;

/// <summary>Shape rules for <see cref="EnterpriseDetails"/>; feeds the form and runs again in the handlers.</summary>
public sealed class EnterpriseDetailsValidator : AbstractValidator<EnterpriseDetails>
{
    /// <summary>Longitudes run from −180° to 180° (ADR 0024).</summary>
    public const decimal MaximumLongitude = 180m;

    /// <summary>Latitudes run from −90° to 90° (ADR 0024).</summary>
    public const decimal MaximumLatitude = 90m;

    public EnterpriseDetailsValidator()
    {
        RuleFor(d => d.Name).NotEmpty().WithMessage(_ => CoreText.Get("Enterprise.Name.Required")).MaximumLength(200);
        RuleFor(d => d.UnifiedSocialCreditCode).Custom((code, context) =>
        {
            switch (UnifiedSocialCreditCode.Check(code?.Trim()))
            {
                case UnifiedSocialCreditCode.Problem.None:
                    break;
                case UnifiedSocialCreditCode.Problem.WrongLength:
                    context.AddFailure(CoreText.Get("Enterprise.CreditCode.Length"));
                    break;
                case UnifiedSocialCreditCode.Problem.InvalidCharacter:
                    context.AddFailure(CoreText.Get("Enterprise.CreditCode.Characters"));
                    break;
                case UnifiedSocialCreditCode.Problem.WrongCheckCharacter:
                    // The expected character is not revealed: a typo elsewhere must not be "fixed" by copying it.
                    context.AddFailure(CoreText.Get("Enterprise.CreditCode.Check"));
                    break;
            }
        });
        RuleFor(d => d.RegistryEnterpriseCode)
            .Must(c => string.IsNullOrWhiteSpace(c) || (c.Trim().Length == 9 && c.Trim().All(char.IsAsciiDigit)))
            .WithMessage(_ => CoreText.Get("Enterprise.RegistryCode.Format"));
        RuleFor(d => d.RegionCode)
            .Must(c => RegionCodes.IsValid(c) && RegionCodes.LevelOf(c) == RegionLevel.County)
            .WithMessage(_ => CoreText.Get("Enterprise.Region.County"));
        RuleFor(d => d.Kinds).NotEqual(EnterpriseKinds.None).WithMessage(_ => CoreText.Get("Enterprise.Kinds.Required"));
        RuleFor(d => d.Address).NotEmpty().WithMessage(_ => CoreText.Get("Enterprise.Address.Required")).MaximumLength(300);
        RuleFor(d => d.Longitude).InclusiveBetween(-MaximumLongitude, MaximumLongitude).WithMessage(_ => CoreText.Get("Enterprise.Longitude.Range"));
        RuleFor(d => d.Latitude).InclusiveBetween(-MaximumLatitude, MaximumLatitude).WithMessage(_ => CoreText.Get("Enterprise.Latitude.Range"));
        RuleFor(d => d).Must(d => d.Longitude.HasValue == d.Latitude.HasValue)
            .OverridePropertyName(nameof(EnterpriseDetails.Latitude))
            .WithMessage(_ => CoreText.Get("Enterprise.Coordinates.Pair"));
        RuleFor(d => d.PrincipalName).NotEmpty().WithMessage(_ => CoreText.Get("Enterprise.Principal.Required")).MaximumLength(50);
        RuleFor(d => d.PrincipalPhone)
            .Must(p => string.IsNullOrWhiteSpace(p) || (p.Length <= 20 && p.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-')))
            .WithMessage(_ => CoreText.Get("Enterprise.Phone.Format"));
        RuleFor(d => d.Status).IsInEnum();
    }
}
