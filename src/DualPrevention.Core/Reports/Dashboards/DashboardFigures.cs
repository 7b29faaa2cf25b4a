using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Reports.Compliance;

namespace DualPrevention.Core.Reports.Dashboards;

/// <summary>What a dashboard's enterprise ranking puts first.</summary>
public enum DashboardRanking
{
    /// <summary>Lowest operating-effect score first (a veto scores 0); enterprises without a score last.</summary>
    LowestScore = 0,

    /// <summary>Most hidden dangers overdue now first, major ones breaking ties.</summary>
    MostOverdue = 1,

    /// <summary>Most 重大风险 units first, then most 较大风险 units.</summary>
    MostMajorRisk = 2,
}

/// <summary>The KPI cards of a dashboard: one compliance row's counts with its rates already rounded for display.</summary>
/// <param name="CompletionPercent">排查任务完成率 in whole percent (<see cref="Percent.Round"/>); null when nothing was due.</param>
/// <param name="AccountabilityPercent">包保任务完成率 over the three roles, whole percent.</param>
/// <param name="RectificationPercent">隐患整改率: rectified ÷ deadline in the period, whole percent.</param>
/// <param name="OnTimeRectificationPercent">按期整改率: rectified on time ÷ rectified, whole percent.</param>
/// <param name="MajorPosted">挂牌督办 newly posted in the period.</param>
/// <param name="MajorPostedOpen">挂牌督办 open now (posted whenever, not closed out at the evaluation time).</param>
/// <param name="Score">运行效果 E of docs/domain/dual-prevention.md#92-operating-effect-score to one decimal; a region's
/// is its enterprises' mean (ADR 0026); null with no base.</param>
/// <param name="Grade">运行等级 from the configured bands.</param>
/// <param name="Vetoes">Veto items (否决项) that applied, e.g. "major-overdue"; a region's: those that struck any of its enterprises.</param>
/// <param name="EnterprisesScored">Enterprises with a score.</param>
/// <param name="EnterprisesVetoed">Enterprises a veto item applied to.</param>
/// <param name="Grades">Enterprises per grade, highest band first.</param>
public sealed record DashboardKpis(
    int Enterprises,
    int WindowsDue,
    int WindowsCompleted,
    int WindowsLate,
    int WindowsMissed,
    int? CompletionPercent,
    int? AccountabilityPercent,
    int HiddenDangersGeneral,
    int HiddenDangersMajor,
    int HiddenDangersToRectify,
    int HiddenDangersRectified,
    int? RectificationPercent,
    int? OnTimeRectificationPercent,
    int OverdueGeneral,
    int OverdueMajor,
    int MajorPosted,
    int MajorClosedOut,
    int MajorPostedOpen,
    decimal? Score,
    string? Grade,
    IReadOnlyList<string> Vetoes,
    int EnterprisesScored,
    int EnterprisesVetoed,
    IReadOnlyList<GradeCount> Grades)
{
    /// <summary>The cards of one compliance row: rates from its unrounded counts, rounded once here.</summary>
    public static DashboardKpis Of(ComplianceMetrics m, OperatingEffect effect) => new(
        m.Enterprises, m.WindowsDue, m.WindowsCompleted, m.WindowsLate, m.WindowsMissed,
        Percent.Round(m.CompletionRate), Percent.Round(m.AccountabilityRate),
        m.HiddenDangersGeneral, m.HiddenDangersMajor, m.HiddenDangersToRectify, m.HiddenDangersRectified,
        Percent.Round(m.RectificationRate), Percent.Round(m.OnTimeRectificationRate),
        m.OverdueGeneral, m.OverdueMajor, m.MajorPosted, m.MajorClosedOut, m.MajorPostedOpen,
        effect.Score is { } score ? Percent.RoundScore(score) : null, effect.Grade, effect.Vetoes, effect.Scored, effect.Vetoed, effect.Grades);
}

/// <summary>The four-colour distribution (docs/domain/dual-prevention.md#41-risk-levels-and-colours): risk analysis units and risk events by current level.</summary>
/// <param name="Units">Index 0 重大 (red), 1 较大 (orange), 2 一般 (yellow), 3 低 (blue).</param>
/// <param name="Events">Same order.</param>
public sealed record FourColorCounts(IReadOnlyList<int> Units, IReadOnlyList<int> Events);

/// <summary>One enterprise in a dashboard's ranking; <see cref="EnterpriseId"/> is the drill-down to its read-only view.</summary>
/// <param name="Rank">1-based place in the chosen order.</param>
/// <param name="CountyName">The enterprise's county.</param>
/// <param name="UnitsByLevel">Risk analysis units by level, 重大 first.</param>
public sealed record DashboardRankingRow(
    int Rank, Guid EnterpriseId, string EnterpriseName, string RegionCode, string CountyName, DashboardKpis Kpis, IReadOnlyList<int> UnitsByLevel);

/// <summary>A city of the province (or a county of a city) beside its peers: its compliance total.</summary>
/// <param name="RegionCode">The city's or county's code, the drill-down to its own dashboard.</param>
public sealed record DashboardRegionRow(string RegionCode, string Name, DashboardKpis Kpis, IReadOnlyList<int> UnitsByLevel);

/// <summary>How a dashboard's trend is bucketed: by local day for a month, ISO week (Monday start) for a quarter, month for a year.</summary>
public enum TrendGranularity
{
    Day = 0,
    Week = 1,
    Month = 2,
}

/// <summary>
/// One bucket of a trend, local dates <c>[From, To)</c> clipped to the period. Completion counts come from the
/// statistics table by the day windows start; rectification counts are the hidden dangers whose deadline falls in the
/// bucket (the base of 隐患整改率, docs/domain/dual-prevention.md#91-rates-and-counts) and, of those, the ones accepted by
/// now.
/// </summary>
/// <param name="CompletionPercent">Whole percent; null when no window was due in the bucket.</param>
/// <param name="RectificationPercent">Whole percent; null when no deadline fell in the bucket.</param>
public sealed record DashboardTrendPoint(
    DateOnly From, DateOnly To, int WindowsDue, int WindowsCompleted, int? CompletionPercent, int HiddenDangersToRectify, int HiddenDangersRectified,
    int? RectificationPercent);

/// <summary>Hidden dangers registered in the period from one inspection source (docs/domain/dual-prevention.md#91-rates-and-counts, 隐患数 by source).</summary>
public sealed record SourceCount(InspectionSource Source, int Count);

/// <summary>Hidden dangers registered in the period of one category; null = not categorised (e.g. an imported ledger without it).</summary>
public sealed record CategoryCount(HiddenDangerCategory? Category, int Count);
