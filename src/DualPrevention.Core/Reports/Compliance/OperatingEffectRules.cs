namespace DualPrevention.Core.Reports.Compliance;

/// <summary>
/// The configurable rules of the operating-effect score E = (A + B) × α
/// (docs/domain/dual-prevention.md#92-operating-effect-score; configuration section <c>OperatingEffect</c>). The
/// official model's deduction sizes, "too few hidden dangers", veto items and grade bands were not obtained (its
/// "Unknown"), so these defaults are placeholders a province replaces.
/// </summary>
public sealed class OperatingEffectRules
{
    /// <summary>Veto: a major hidden danger is overdue at the evaluation time.</summary>
    public const string MajorOverdueVeto = "major-overdue";

    /// <summary>Veto: windows were due in the period and none was completed on time.</summary>
    public const string NoInspectionVeto = "no-inspection";

    /// <summary>Points taken from A at a 包保 completion of 0 %, in proportion to the 包保 windows not completed.</summary>
    public decimal AccountabilityDeduction { get; set; } = 10m;

    /// <summary>Fewer hidden dangers registered than this per month of the period count as 隐患过少.</summary>
    public decimal MinimumHiddenDangersPerMonth { get; set; } = 1m;

    /// <summary>Points taken from B for 隐患过少.</summary>
    public decimal TooFewHiddenDangersDeduction { get; set; } = 5m;

    /// <summary>Veto items in force (codes above); any that applies makes α = 0.</summary>
    public IList<string> Vetoes { get; set; } = [MajorOverdueVeto, NoInspectionVeto];

    /// <summary>Grade bands, highest first: a score at or above <see cref="Grade.MinimumScore"/> gets the grade.</summary>
    public IList<Grade> Grades { get; set; } =
    [
        new() { Name = "优", MinimumScore = 90m },
        new() { Name = "良", MinimumScore = 75m },
        new() { Name = "中", MinimumScore = 60m },
        new() { Name = "差", MinimumScore = 0m },
    ];

    /// <summary>One 运行等级 band.</summary>
    public sealed class Grade
    {
        public string Name { get; set; } = "";

        public decimal MinimumScore { get; set; }
    }

    /// <summary>
    /// Scores one row. A needs windows due (else the score is null); B takes a remediation rate of 100 % when
    /// nothing was due for rectification. A and B are floored at 0; the score is unrounded.
    /// </summary>
    public OperatingEffect Evaluate(ComplianceMetrics metrics, ReportPeriod period)
    {
        var vetoes = new List<string>();
        if (Vetoes.Contains(MajorOverdueVeto) && metrics.OverdueMajor > 0)
        {
            vetoes.Add(MajorOverdueVeto);
        }

        if (Vetoes.Contains(NoInspectionVeto) && metrics.WindowsDue > 0 && metrics.WindowsCompleted == 0)
        {
            vetoes.Add(NoInspectionVeto);
        }

        if (metrics.CompletionRate is not { } completion)
        {
            return new OperatingEffect(null, null, null, vetoes, null, 0, vetoes.Count > 0 ? 1 : 0, GradeCounts([]));
        }

        var accountabilityShortfall = metrics.AccountabilityRate is { } accountability ? 1m - accountability : 0m;
        var a = Math.Max(0m, (completion * 50m) - (accountabilityShortfall * AccountabilityDeduction));
        var tooFew = metrics.HiddenDangersGeneral + metrics.HiddenDangersMajor < MinimumHiddenDangersPerMonth * MonthsIn(period) * metrics.Enterprises;
        var b = Math.Max(0m, ((metrics.RectificationRate ?? 1m) * 50m) - (tooFew ? TooFewHiddenDangersDeduction : 0m));
        var score = vetoes.Count > 0 ? 0m : a + b;
        var grade = GradeOf(score);
        return new OperatingEffect(a, b, score, vetoes, grade, 1, vetoes.Count > 0 ? 1 : 0, GradeCounts([grade]));
    }

    /// <summary>
    /// The score of a county, city or province from its enterprises' (ADR 0026): the unweighted mean of the scores
    /// there are (a vetoed enterprise counts with its 0), graded by the same bands; the veto items that struck any of
    /// them; how many were scored and vetoed; the grade distribution. Never a score of summed figures, so one vetoed
    /// enterprise lowers its region by its share instead of zeroing it.
    /// </summary>
    public OperatingEffect Aggregate(IEnumerable<OperatingEffect> enterprises)
    {
        var list = enterprises as IReadOnlyCollection<OperatingEffect> ?? enterprises.ToList();
        var scores = list.Where(e => e.Score is not null).Select(e => e.Score!.Value).ToList();
        decimal? score = scores.Count > 0 ? scores.Average() : null;
        var vetoes = Vetoes.Where(v => list.Any(e => e.Vetoes.Contains(v))).ToList();
        var grades = GradeCounts(list.Select(e => e.Grade));
        return new OperatingEffect(
            null, null, score, vetoes, score is { } s ? GradeOf(s) : null, list.Sum(e => e.Scored), list.Sum(e => e.Vetoed), grades);
    }

    private string? GradeOf(decimal score) => Grades.OrderByDescending(g => g.MinimumScore).FirstOrDefault(g => score >= g.MinimumScore)?.Name;

    /// <summary>Every configured band, highest first, with how many of <paramref name="grades"/> fell in it.</summary>
    private List<GradeCount> GradeCounts(IEnumerable<string?> grades)
    {
        var counts = grades.OfType<string>().CountBy(g => g).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        return Grades.OrderByDescending(g => g.MinimumScore).Select(g => new GradeCount(g.Name, counts.GetValueOrDefault(g.Name))).ToList();
    }

    private static int MonthsIn(ReportPeriod period) => period.Kind switch
    {
        ReportPeriodKind.Month => 1,
        ReportPeriodKind.Quarter => 3,
        _ => 12,
    };
}
