using DualPrevention.Core.Localization;
using FluentValidation;

namespace DualPrevention.Core.Inspections;

/// <summary>A 停用检修 period as a person types it: Asia/Shanghai wall-clock start (inclusive) and end (exclusive), and the reason.</summary>
public sealed record DeactivationInput(DateTime StartLocal, DateTime EndLocal, string Reason)
{
    /// <summary>The period in UTC (ADR 0003).</summary>
    public DeactivationPeriod ToPeriod() => new(BusinessTime.FromLocal(StartLocal), BusinessTime.FromLocal(EndLocal), Reason);
}

/// <summary>Shape rules for <see cref="DeactivationInput"/> (docs/domain/dual-prevention.md#56-deactivation-periods): both ends, end after start, a reason of at most 500 characters.</summary>
public sealed class DeactivationInputValidator : AbstractValidator<DeactivationInput>
{
    public DeactivationInputValidator()
    {
        RuleFor(i => i.StartLocal).NotEqual(default(DateTime)).WithMessage(_ => CoreText.Get("Deactivation.Start.Required"))
            .DependentRules(() => RuleFor(i => i.StartLocal).WithinWorld());
        RuleFor(i => i.EndLocal).NotEqual(default(DateTime)).WithMessage(_ => CoreText.Get("Deactivation.End.Required"))
            .DependentRules(() => RuleFor(i => i.EndLocal).WithinWorld());
        RuleFor(i => i.EndLocal).GreaterThan(i => i.StartLocal).When(i => i.StartLocal != default && i.EndLocal != default)
            .WithMessage(_ => CoreText.Get("Deactivation.End.AfterStart"));
        RuleFor(i => i.Reason)
            .NotEmpty().WithMessage(_ => CoreText.Get("Deactivation.Reason.Required"))
            .MaximumLength(500).WithMessage(_ => CoreText.Get("Deactivation.Reason.TooLong"));
    }
}
