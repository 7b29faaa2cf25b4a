using System.Globalization;

namespace DualPrevention.Core.Reports.Compliance;

/// <summary>
/// 运行效果 E = (A + B) × α (docs/domain/dual-prevention.md#92-operating-effect-score): A = task completion × 50 − 包保
/// deduction, B = remediation × 50 − deduction for too few hidden dangers, α = 0 when a veto item applies. Scores are
/// 0–100, unrounded. An enterprise is scored from its figures; a county, city or province aggregates its enterprises'
/// scores (ADR 0026): the mean of those scored, with the grade distribution and the number vetoed.
/// </summary>
/// <param name="A">The enterprise's A; null on a total.</param>
/// <param name="B">The enterprise's B; null on a total.</param>
/// <param name="Score">E; null when neither A nor B has a base (nothing due, nothing to rectify), or on a total none of
/// whose enterprises has a score.</param>
/// <param name="Vetoes">Codes of the veto items (否决项) that applied, e.g. "major-overdue"; on a total, those that
/// applied to any of its enterprises.</param>
/// <param name="Grade">运行等级 from the configured bands, e.g. "优", "良", "中", "差"; null with no score.</param>
/// <param name="Scored">Enterprises with a score (1 or 0 on an enterprise row).</param>
/// <param name="Vetoed">Enterprises a veto item applied to (1 or 0 on an enterprise row).</param>
/// <param name="Grades">Enterprises per grade, every configured band highest first, empty ones included.</param>
public sealed record OperatingEffect(
    decimal? A, decimal? B, decimal? Score, IReadOnlyList<string> Vetoes, string? Grade, int Scored, int Vetoed, IReadOnlyList<GradeCount> Grades)
{
    /// <summary><see cref="Score"/> to one decimal as the files show it (<see cref="Percent.RoundScore"/>).</summary>
    public decimal? RoundedScore => Score is { } score ? Percent.RoundScore(score) : null;
}

/// <summary>How many enterprises got one 运行等级.</summary>
public sealed record GradeCount(string Grade, int Count);

/// <summary>One row of a compliance report or dashboard table: an enterprise, or a county/city/province total.</summary>
public enum ComplianceRowKind
{
    Enterprise = 0,
    CountyTotal = 1,
    CityTotal = 2,
    ProvinceTotal = 3,
}

/// <summary>
/// A compliance report row. <see cref="RegionCode"/> is the enterprise's county (or the total's region);
/// <see cref="EnterpriseId"/>, <see cref="EnterpriseName"/> and <see cref="CreditCode"/> are null on totals.
/// </summary>
public sealed record ComplianceReportRow(
    ComplianceRowKind Kind,
    string RegionCode,
    string CityName,
    string CountyName,
    Guid? EnterpriseId,
    string? EnterpriseName,
    string? CreditCode,
    ComplianceMetrics Metrics,
    OperatingEffect Effect);

/// <summary>What a report file states above its table.</summary>
/// <param name="RegionCode">The region the report covers (a city, the province, or a county).</param>
/// <param name="GeneratedAt">UTC; files show it in Beijing time.</param>
/// <param name="Culture">The language of the file's words (its requester's); Chinese, the regulators' language, when not given.</param>
public sealed record ComplianceReportHeader(ReportPeriod Period, string RegionCode, string RegionName, DateTimeOffset GeneratedAt, string GeneratedBy, CultureInfo? Culture = null)
{
    /// <summary>The language the file is written in.</summary>
    public CultureInfo Language => Culture ?? ReportText.Chinese;
}
