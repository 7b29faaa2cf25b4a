namespace DualPrevention.Core.Reports.Compliance;

/// <summary>
/// The metrics of docs/domain/dual-prevention.md#91-rates-and-counts for one enterprise, or summed over a county, city
/// or the province, for one <see cref="ReportPeriod"/>. Counts only; every rate is derived from the unrounded counts
/// (<see cref="Percent"/>). Windows count in the local day their start falls in, as on the task board; cancelled
/// windows never count.
/// </summary>
/// <param name="Enterprises">Enterprises summed (1 for an enterprise row).</param>
/// <param name="UnitsByLevel">Risk analysis units by current level, index 0 = 重大 … 3 = 低 (a snapshot now).</param>
/// <param name="EventsByLevel">Risk events by current level, same order (a snapshot now).</param>
/// <param name="WindowsDue">Windows starting in the period and judged by now: completed, late or missed (not those
/// still running or not started, not suspended or cancelled).</param>
/// <param name="WindowsCompleted">Completed on time (a record inside the window).</param>
/// <param name="WindowsLate">Not completed on time but recorded after the window ended.</param>
/// <param name="WindowsMissed">Ended with no record at all (漏检).</param>
/// <param name="WindowsSuspended">Suspended (停用检修); outside every rate (docs/domain/dual-prevention.md#56-deactivation-periods).</param>
/// <param name="AccountabilityDue">包保 windows due by role: index 0 主要负责人, 1 技术负责人, 2 操作负责人.</param>
/// <param name="AccountabilityCompleted">包保 windows completed on time by role, same order.</param>
/// <param name="HiddenDangersGeneral">一般隐患 registered in the period (not invalidated).</param>
/// <param name="HiddenDangersMajor">重大隐患 registered in the period (not invalidated).</param>
/// <param name="HiddenDangersToRectify">Hidden dangers whose deadline lies in the period and has passed by the evaluation day, or that are accepted already (not invalidated): the base of the remediation rate, so a running period is not dragged down by deadlines still ahead.</param>
/// <param name="HiddenDangersRectified">Of those, the ones accepted (验收通过 or closed out) by now.</param>
/// <param name="HiddenDangersRectifiedOnTime">Of those, the ones accepted on or before the deadline day (local).</param>
/// <param name="OverdueGeneral">一般隐患 open and past the deadline at the evaluation time.</param>
/// <param name="OverdueMajor">重大隐患 open and past the deadline at the evaluation time.</param>
/// <param name="MajorPosted">重大隐患 posted for supervision (挂牌督办) in the period.</param>
/// <param name="MajorClosedOut">重大隐患 closed out (销号) in the period.</param>
/// <param name="MajorPostedOpen">重大隐患 posted for supervision and not closed out at the evaluation time, whenever
/// posted: what a bureau is supervising now, beside <paramref name="MajorPosted"/>, the newly posted of the period.</param>
public sealed record ComplianceMetrics(
    int Enterprises,
    IReadOnlyList<int> UnitsByLevel,
    IReadOnlyList<int> EventsByLevel,
    int WindowsDue,
    int WindowsCompleted,
    int WindowsLate,
    int WindowsMissed,
    int WindowsSuspended,
    IReadOnlyList<int> AccountabilityDue,
    IReadOnlyList<int> AccountabilityCompleted,
    int HiddenDangersGeneral,
    int HiddenDangersMajor,
    int HiddenDangersToRectify,
    int HiddenDangersRectified,
    int HiddenDangersRectifiedOnTime,
    int OverdueGeneral,
    int OverdueMajor,
    int MajorPosted,
    int MajorClosedOut,
    int MajorPostedOpen)
{
    /// <summary>排查任务完成率: completed ÷ due (unrounded fraction; null when nothing was due).</summary>
    public decimal? CompletionRate => Percent.Of(WindowsCompleted, WindowsDue);

    /// <summary>漏检率: (late + missed) ÷ due — a late record does not make a window on time (docs/domain/dual-prevention.md#55-completion-and-missed-windows).</summary>
    public decimal? MissedRate => Percent.Of(WindowsLate + WindowsMissed, WindowsDue);

    /// <summary>包保任务完成率 over the three roles together.</summary>
    public decimal? AccountabilityRate => Percent.Of(AccountabilityCompleted.Sum(), AccountabilityDue.Sum());

    /// <summary>隐患整改率: rectified ÷ to rectify.</summary>
    public decimal? RectificationRate => Percent.Of(HiddenDangersRectified, HiddenDangersToRectify);

    /// <summary>按期整改率: rectified on time ÷ rectified.</summary>
    public decimal? OnTimeRectificationRate => Percent.Of(HiddenDangersRectifiedOnTime, HiddenDangersRectified);

    /// <summary><see cref="CompletionRate"/> in whole percent as the files show it (<see cref="Percent.Round"/>).</summary>
    public int? CompletionPercent => Percent.Round(CompletionRate);

    /// <summary><see cref="MissedRate"/> in whole percent.</summary>
    public int? MissedPercent => Percent.Round(MissedRate);

    /// <summary><see cref="AccountabilityRate"/> in whole percent.</summary>
    public int? AccountabilityPercent => Percent.Round(AccountabilityRate);

    /// <summary><see cref="RectificationRate"/> in whole percent.</summary>
    public int? RectificationPercent => Percent.Round(RectificationRate);

    /// <summary><see cref="OnTimeRectificationRate"/> in whole percent.</summary>
    public int? OnTimeRectificationPercent => Percent.Round(OnTimeRectificationRate);

    /// <summary>The sum of several rows' counts (a county, city or province total).</summary>
    public static ComplianceMetrics Sum(IEnumerable<ComplianceMetrics> rows)
    {
        var list = rows as IReadOnlyCollection<ComplianceMetrics> ?? rows.ToList();
        return new ComplianceMetrics(
            list.Sum(r => r.Enterprises),
            SumEach(list, r => r.UnitsByLevel, 4),
            SumEach(list, r => r.EventsByLevel, 4),
            list.Sum(r => r.WindowsDue),
            list.Sum(r => r.WindowsCompleted),
            list.Sum(r => r.WindowsLate),
            list.Sum(r => r.WindowsMissed),
            list.Sum(r => r.WindowsSuspended),
            SumEach(list, r => r.AccountabilityDue, 3),
            SumEach(list, r => r.AccountabilityCompleted, 3),
            list.Sum(r => r.HiddenDangersGeneral),
            list.Sum(r => r.HiddenDangersMajor),
            list.Sum(r => r.HiddenDangersToRectify),
            list.Sum(r => r.HiddenDangersRectified),
            list.Sum(r => r.HiddenDangersRectifiedOnTime),
            list.Sum(r => r.OverdueGeneral),
            list.Sum(r => r.OverdueMajor),
            list.Sum(r => r.MajorPosted),
            list.Sum(r => r.MajorClosedOut),
            list.Sum(r => r.MajorPostedOpen));
    }

    private static int[] SumEach(IReadOnlyCollection<ComplianceMetrics> rows, Func<ComplianceMetrics, IReadOnlyList<int>> pick, int length)
    {
        var sums = new int[length];
        foreach (var row in rows)
        {
            var values = pick(row);
            for (var i = 0; i < length; i++)
            {
                sums[i] += values[i];
            }
        }

        return sums;
    }
}
