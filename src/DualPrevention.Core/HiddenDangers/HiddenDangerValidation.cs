using DualPrevention.Core.Localization;
using FluentValidation;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>Shape rules shared by the hidden-danger commands; lengths are the columns' (docs/domain/dual-prevention.md#63-the-hidden-danger-record).</summary>
public static class HiddenDangerValidation
{
    /// <summary>
    /// The remediation funds (治理资金) a hidden danger may record, in 万元: not negative and below 10 billion 万元, what
    /// numeric(12,2) holds (ADR 0024); the database holds the same range.
    /// </summary>
    public const decimal CostLimitTenThousandYuan = 10_000_000_000m;

    /// <summary>Free text a person writes into a transition (note, reason, comment): required, at most 1,000 characters.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage(_ => CoreText.Get("HiddenDanger.TextRequired")).MaximumLength(1000);

    /// <summary>Criteria numbers of plausible shape (1–99; the version's seeded rows decide which exist) and a reason of at most 1,000 characters.</summary>
    public static void ValidGrading<T>(this IRuleBuilder<T, MajorGrading?> rule) =>
        rule.ChildRules(grading =>
        {
            grading.RuleForEach(g => g!.CriterionNos).InclusiveBetween(1, 99);
            grading.RuleFor(g => g!.Reason).MaximumLength(1000);
        });
}

/// <summary>
/// Shape of a report: name ≤ 300, description ≤ 4,000, place ≤ 200. Fields are named by their hidden-danger labels
/// ("Field.HiddenDangers.*", <see cref="FieldNames"/>).
/// </summary>
public sealed class HiddenDangerReportValidator : AbstractValidator<HiddenDangerReport>
{
    public HiddenDangerReportValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage(_ => CoreText.Get("HiddenDanger.Name.Required")).MaximumLength(300);
        RuleFor(r => r.Description).NotEmpty().WithMessage(_ => CoreText.Get("HiddenDanger.Description.Required")).MaximumLength(4000);
        RuleFor(r => r.Location).MaximumLength(200);
        RuleFor(r => r.Level).IsInEnum();
        RuleFor(r => r.Source).IsInEnum();
        RuleFor(r => r.Category).IsInEnum();
        RuleFor(r => r.Grading).ValidGrading();
    }
}
