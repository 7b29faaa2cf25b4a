using FluentValidation;

namespace DualPrevention.Core.Permits;

/// <summary>The shape of what an applicant writes; the rules of the standard are the permit's own (<see cref="WorkPermit"/>).</summary>
public sealed class WorkPermitContentValidator : AbstractValidator<WorkPermitContent>
{
    public WorkPermitContentValidator()
    {
        RuleFor(c => c.Details).NotNull();
        RuleFor(c => c.ApplicantUnit).NotEmpty().MaximumLength(PermitLimits.NameLength);
        RuleFor(c => c.WorkContent).NotEmpty().MaximumLength(PermitLimits.TextLength);
        RuleFor(c => c.LocationText).NotEmpty().MaximumLength(PermitLimits.NameLength);
        RuleFor(c => c.Contractor).MaximumLength(PermitLimits.NameLength);
        RuleFor(c => c.HazardAnalysisResult).MaximumLength(PermitLimits.TextLength);
        RuleFor(c => c.OtherMeasures).MaximumLength(PermitLimits.TextLength);
        RuleFor(c => c.OtherMeasuresAuthor).MaximumLength(PermitLimits.PersonNameLength);
        RuleFor(c => c.PlannedStart).Must(d => WorldDates.Contains(d)).WithMessage(_ => WorldDates.Refusal());
        RuleFor(c => c.PlannedEnd).Must(d => WorldDates.Contains(d)).WithMessage(_ => WorldDates.Refusal())
            .GreaterThan(c => c.PlannedStart);
        RuleFor(c => c.People).NotEmpty();
        RuleForEach(c => c.People).ChildRules(p =>
        {
            p.RuleFor(x => x.PersonId).NotEmpty();
            p.RuleFor(x => x.Role).IsInEnum();
        });
        RuleFor(c => c.Details).Must(DetailsInRange).When(c => c.Details is not null).WithMessage(_ => Localization.CoreText.Get("Permit.DetailsOutOfRange"));
    }

    /// <summary>Measures a person could have typed: heights, masses, depths and powers within physical bounds.</summary>
    private static bool DetailsInRange(PermitDetails details) => details switch
    {
        WorkAtHeightDetails h => h.HeightMeters is >= 0m and <= 1000m,
        LiftingDetails l => l.LoadMassTonnes is > 0m and <= 10000m,
        ExcavationDetails x => x.DepthMeters is >= 0m and <= 100m && x.AreaSquareMeters is >= 0m and <= 100000m,
        TemporaryElectricityDetails e => e.PermittedPowerKw is > 0m and <= 100000m && e.Voltage is > 0 and <= 100000,
        HotWorkDetails w => Enum.IsDefined(w.Grade),
        _ => true,
    };
}
