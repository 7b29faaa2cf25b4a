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
        RuleFor(c => c.Activities).Must(a => (a & ~AllActivities) == 0).WithMessage(_ => Localization.CoreText.Get("Permit.DetailsOutOfRange"));
        RuleFor(c => c.WorkPoint).SetValidator(new WorkPointValidator()!).When(c => c.WorkPoint is not null);
        RuleFor(c => c.Details).Must(DetailsInRange).When(c => c.Details is not null).WithMessage(_ => Localization.CoreText.Get("Permit.DetailsOutOfRange"));
    }

    private const SimultaneousActivity AllActivities = SimultaneousActivity.VentsFlammableGas | SimultaneousActivity.DischargesFlammableLiquid
        | SimultaneousActivity.SolventCleaningOrPainting | SimultaneousActivity.SweepsCombustibleDust;

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

/// <summary>A work point on a plan with one fence around it: a circle or a drawn polygon holding the point.</summary>
public sealed class WorkPointValidator : AbstractValidator<WorkPointEntry>
{
    public WorkPointValidator()
    {
        RuleFor(w => w.SitePlanId).NotEmpty();
        RuleFor(w => w.X).InclusiveBetween(-WorkPointEntry.MaxCoordinateMeters, WorkPointEntry.MaxCoordinateMeters);
        RuleFor(w => w.Y).InclusiveBetween(-WorkPointEntry.MaxCoordinateMeters, WorkPointEntry.MaxCoordinateMeters);
        RuleFor(w => w.FenceRadiusMeters).InclusiveBetween(WorkPointEntry.MinFenceRadiusMeters, WorkPointEntry.MaxFenceRadiusMeters);
        RuleFor(w => w.FenceCorners).Must(c => c is null || c.Count is >= 3 and <= WorkPointEntry.MaxFenceCorners)
            .WithMessage(_ => Localization.CoreText.Get("Permit.WorkPoint.FenceCorners", WorkPointEntry.MaxFenceCorners));
        RuleFor(w => w).Must(w => (w.FenceRadiusMeters is null) != (w.FenceCorners is null))
            .WithName(nameof(WorkPointEntry.FenceRadiusMeters)).WithMessage(_ => Localization.CoreText.Get("Permit.WorkPoint.OneFence"));
        RuleFor(w => w).Must(FenceHoldsPoint).When(w => w.FenceCorners is { Count: >= 3 and <= WorkPointEntry.MaxFenceCorners } && w.FenceRadiusMeters is null)
            .WithName(nameof(WorkPointEntry.FenceCorners)).WithMessage(_ => Localization.CoreText.Get("Permit.WorkPoint.FenceInvalid"));
    }

    private static bool FenceHoldsPoint(WorkPointEntry entry) =>
        entry.FenceCorners!.All(c => double.IsFinite(c.X) && double.IsFinite(c.Y))
        && entry.Fence() is { IsEmpty: false, IsValid: true } fence && fence.Area > 0 && fence.Covers(entry.Point());
}
