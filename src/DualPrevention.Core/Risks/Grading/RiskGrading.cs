using DualPrevention.Core.Localization;

namespace DualPrevention.Core.Risks.Grading;

/// <summary>
/// Scores and grades risk events (docs/domain/dual-prevention.md#4-risk-assessment): LS and the 5×5 matrix as R = L × S
/// with L, S ∈ 1…5 (DB37); LEC as D = L × E × C with the classic scales. The level is always computed, never typed.
/// </summary>
public static class RiskGrading
{
    /// <summary>LEC likelihood scale L (docs/domain/dual-prevention.md#45-lec).</summary>
    public static IReadOnlyList<decimal> LecLikelihood { get; } = [10m, 6m, 3m, 1m, 0.5m, 0.2m, 0.1m];

    /// <summary>LEC exposure scale E (docs/domain/dual-prevention.md#45-lec).</summary>
    public static IReadOnlyList<decimal> LecExposure { get; } = [10m, 6m, 3m, 2m, 1m, 0.5m];

    /// <summary>LEC consequence scale C (docs/domain/dual-prevention.md#45-lec).</summary>
    public static IReadOnlyList<decimal> LecConsequence { get; } = [100m, 40m, 15m, 7m, 3m, 1m];

    /// <summary>The highest score any method gives: LEC's 10 × 10 × 100 (docs/domain/dual-prevention.md#45-lec); LS tops at 25.</summary>
    public const decimal HighestScore = 10_000m;

    /// <summary>The problem with the inputs for <paramref name="method"/>, or null when they are on its scales.</summary>
    public static string? Problem(AssessmentMethod method, decimal? l, decimal? s, decimal? e, decimal? c) => method switch
    {
        AssessmentMethod.LS or AssessmentMethod.RiskMatrix =>
            IsOneToFive(l) && IsOneToFive(s) ? null : CoreText.Get("Risk.Assessment.LsScale"),
        AssessmentMethod.LEC =>
            l is { } lv && LecLikelihood.Contains(lv) && e is { } ev && LecExposure.Contains(ev) && c is { } cv && LecConsequence.Contains(cv)
                ? null
                : CoreText.Get("Risk.Assessment.LecScale"),
    };

    /// <summary>R = L × S or D = L × E × C.</summary>
    /// <exception cref="DomainRuleException">The inputs are not on the method's scales.</exception>
    public static decimal Score(AssessmentMethod method, decimal? l, decimal? s, decimal? e, decimal? c)
    {
        if (Problem(method, l, s, e, c) is { } problem)
        {
            throw new DomainRuleException(problem);
        }

        return method == AssessmentMethod.LEC ? l!.Value * e!.Value * c!.Value : l!.Value * s!.Value;
    }

    /// <summary>The first band (highest level first) the score reaches; <see cref="RiskLevel.Low"/> otherwise.</summary>
    public static RiskLevel Classify(decimal score, IEnumerable<RiskBand> bands)
    {
        foreach (var band in bands.OrderBy(b => b.Level))
        {
            if (band.MinInclusive ? score >= band.Min : score > band.Min)
            {
                return band.Level;
            }
        }

        return RiskLevel.Low;
    }

    /// <summary>The default bands of a method, used when a region has no table of its own.</summary>
    public static IReadOnlyList<RiskBand> DefaultBands(AssessmentMethod method) => method switch
    {
        AssessmentMethod.LS => RiskBandTable.DefaultLs,
        AssessmentMethod.LEC => RiskBandTable.DefaultLec,
        AssessmentMethod.RiskMatrix => RiskBandTable.DefaultMatrix,
    };

    /// <summary>The higher (more severe) of the levels, or null for none: unit = max of events, object = max of units (docs/domain/dual-prevention.md#47-aggregation-and-history).</summary>
    public static RiskLevel? Highest(IEnumerable<RiskLevel> levels) =>
        levels.Select(l => (RiskLevel?)l).DefaultIfEmpty(null).Min();

    /// <summary>The control level a risk level calls for at least (docs/domain/dual-prevention.md#44-control-levels): 重大/较大 company, 一般 workshop, 低 team.</summary>
    public static ControlLevel MinimumControlLevel(RiskLevel level) => level switch
    {
        RiskLevel.Major or RiskLevel.Significant => ControlLevel.Company,
        RiskLevel.General => ControlLevel.Workshop,
        RiskLevel.Low => ControlLevel.Team,
    };

    private static bool IsOneToFive(decimal? value) => value is { } v && v == decimal.Truncate(v) && v is >= 1 and <= 5;
}
