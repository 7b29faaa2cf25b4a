using DualPrevention.Core.Localization;
using FluentValidation;

namespace DualPrevention.Core.Risks.Register;

/// <summary>Shape rules of a control measure (docs/domain/dual-prevention.md#35-control-measure, docs/domain/dual-prevention.md#51-task-definitions); used by forms, the API and the importer.</summary>
public sealed class ControlMeasureDetailsValidator : AbstractValidator<ControlMeasureDetails>
{
    /// <summary>The longest cycle in its unit that the form offers (999); longer ones are typing errors.</summary>
    public const int MaximumCycleValue = 999;

    public ControlMeasureDetailsValidator()
    {
        RuleFor(m => m.Description).NotEmpty().WithMessage(_ => CoreText.Get("Measure.Description.Required")).MaximumLength(4000);
        RuleFor(m => m.Classify1).IsInEnum();
        RuleFor(m => m.Classify2)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => CoreText.Get("Measure.Classify2.Required"))
            .Must((m, code) => MeasureClassification.Belongs(m.Classify1, code?.Trim()))
            .WithMessage(m => CoreText.Get("Measure.Classify2.Mismatch", m.Classify2, MeasureClassification.Classify1Names.GetValueOrDefault(m.Classify1, "?")));
        RuleFor(m => m.Classify3).MaximumLength(100);
        RuleFor(m => m.DataSource).IsInEnum();
        RuleFor(m => m.InspectionContent)
            .NotEmpty().When(m => m.DataSource == ControlDataSource.ManualInspection)
            .WithMessage(_ => CoreText.Get("Measure.InspectionContent.Required"));
        RuleFor(m => m.CycleValue).InclusiveBetween(1, MaximumCycleValue).WithMessage(_ => CoreText.Get("Measure.Cycle.Positive", MaximumCycleValue));
        RuleFor(m => m.CycleUnit).IsInEnum();
        RuleFor(m => m)
            .Must(m => m.CycleUnit != CycleUnit.Hour || m.WorkStartTime is null == m.WorkEndTime is null)
            .OverridePropertyName(nameof(ControlMeasureDetails.WorkEndTime))
            .WithMessage(_ => CoreText.Get("Measure.WorkHours.Pair"));
        RuleFor(m => m.WorkDayType).IsInEnum();
        RuleFor(m => m.TaskType).IsInEnum();
        RuleFor(m => m.AccountabilityItemNo)
            .Must((m, item) => item is null || (item >= 1 && item <= (m.TaskType == InspectionTaskType.OperationalResponsible ? 10 : 9)))
            .When(m => m.TaskType != InspectionTaskType.Routine)
            .WithMessage(m => CoreText.Get("Measure.AccountabilityItem.Range", m.TaskType == InspectionTaskType.OperationalResponsible ? 10 : 9));
        RuleFor(m => m.ControlLevel).IsInEnum();
        RuleFor(m => m.ResponsibleDepartment).MaximumLength(200);
        RuleFor(m => m.ResponsiblePerson).MaximumLength(50);
    }
}
