using DualPrevention.Core.Localization;
using FluentValidation;

namespace DualPrevention.Core.Monitoring;

/// <summary>
/// A point's shape: a code of letters, digits and dashes; a range low below high; limits ordered
/// low-low &lt; low &lt; high &lt; high-high, each within the range (ADR 0050), at least one set.
/// </summary>
public sealed class MonitoringPointDetailsValidator : AbstractValidator<MonitoringPointDetails>
{
    public MonitoringPointDetailsValidator()
    {
        RuleFor(p => p.Code).NotEmpty().MaximumLength(ReadingLimits.CodeLength).Matches("^[A-Za-z0-9_.-]+$")
            .WithName(_ => CoreText.Get("Field.Monitoring.Code"));
        RuleFor(p => p.Name).NotEmpty().MaximumLength(MonitoringPoint.NameLength).WithName(_ => CoreText.Get("Field.Monitoring.Name"));
        RuleFor(p => p.Kind).IsInEnum().WithName(_ => CoreText.Get("Field.Monitoring.Kind"));
        RuleFor(p => p.Unit).NotEmpty().MaximumLength(MonitoringPoint.UnitLength).WithName(_ => CoreText.Get("Field.Monitoring.Unit"));
        RuleFor(p => p.RangeLow).InclusiveBetween(-MonitoringPoint.MaxMagnitude, MonitoringPoint.MaxMagnitude).WithName(_ => CoreText.Get("Field.Monitoring.RangeLow"));
        RuleFor(p => p.RangeHigh).InclusiveBetween(-MonitoringPoint.MaxMagnitude, MonitoringPoint.MaxMagnitude)
            .GreaterThan(p => p.RangeLow).WithMessage(_ => CoreText.Get("Monitoring.Range.Order"))
            .WithName(_ => CoreText.Get("Field.Monitoring.RangeHigh"));
        RuleFor(p => p.DebounceSeconds).InclusiveBetween(0, MonitoringPoint.MaxDebounceSeconds).WithName(_ => CoreText.Get("Field.Monitoring.DebounceSeconds"));
        RuleFor(p => p.IntervalSeconds).InclusiveBetween(1, MonitoringPoint.MaxIntervalSeconds).WithName(_ => CoreText.Get("Field.Monitoring.IntervalSeconds"));
        RuleFor(p => p).Must(p => p.LowLow is not null || p.Low is not null || p.High is not null || p.HighHigh is not null)
            .WithMessage(_ => CoreText.Get("Monitoring.Limits.Required")).OverridePropertyName(nameof(MonitoringPointDetails.High));
        Limit(p => p.LowLow, nameof(MonitoringPointDetails.LowLow), "Field.Monitoring.LowLow");
        Limit(p => p.Low, nameof(MonitoringPointDetails.Low), "Field.Monitoring.Low");
        Limit(p => p.High, nameof(MonitoringPointDetails.High), "Field.Monitoring.High");
        Limit(p => p.HighHigh, nameof(MonitoringPointDetails.HighHigh), "Field.Monitoring.HighHigh");
        RuleFor(p => p).Must(Ordered).WithMessage(_ => CoreText.Get("Monitoring.Limits.Order")).OverridePropertyName(nameof(MonitoringPointDetails.HighHigh));
    }

    private void Limit(System.Linq.Expressions.Expression<Func<MonitoringPointDetails, double?>> limit, string property, string label) =>
        RuleFor(limit).Must((p, v) => v is null || (v >= p.RangeLow && v <= p.RangeHigh))
            .WithMessage(_ => CoreText.Get("Monitoring.Limit.OutsideRange")).OverridePropertyName(property).WithName(_ => CoreText.Get(label));

    /// <summary>LL &lt; L &lt; H &lt; HH over the limits that are set.</summary>
    private static bool Ordered(MonitoringPointDetails p)
    {
        double?[] limits = [p.LowLow, p.Low, p.High, p.HighHigh];
        var set = limits.OfType<double>().ToList();
        return set.Zip(set.Skip(1)).All(pair => pair.First < pair.Second);
    }
}
