using DualPrevention.Core.Data;
using static DualPrevention.Core.Inspections.InspectionTaskStatus;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// What the states of an inspection window count as (docs/domain/dual-prevention.md#59-window-states): each defined once
/// here and used by the handlers, LINQ queries, SQL statements and index filters alike.
/// </summary>
public static class InspectionTaskStates
{
    /// <summary>
    /// Waiting for a record: not started or running. The window job opens them and marks them missed when they end;
    /// inspectors' lists show them; a retired definition cancels them.
    /// </summary>
    public static readonly StateSet<InspectionTaskStatus> Unfinished = new(
        [Planned, Open],
        [Completed, Missed, Suspended, Cancelled]);

    /// <summary>
    /// Judged by now: completed inside the window, or ended without (recorded late or not at all). The windows due in the
    /// statistics, so a rate is not dragged down by windows nobody could have done yet
    /// (docs/domain/dual-prevention.md#91-rates-and-counts).
    /// </summary>
    public static readonly StateSet<InspectionTaskStatus> Judged = new(
        [Completed, Missed],
        [Planned, Open, Suspended, Cancelled]);

    /// <summary>Counted at all, on the task board and in the statistics: every window but a cancelled one.</summary>
    public static readonly StateSet<InspectionTaskStatus> Counted = new(
        [Planned, Open, Completed, Missed, Suspended],
        [Cancelled]);

    /// <summary>
    /// Due on the task board and in the accountability completion: counted and not suspended, since a window inside a
    /// 停用检修 period is outside every rate (docs/domain/dual-prevention.md#56-deactivation-periods).
    /// </summary>
    public static readonly StateSet<InspectionTaskStatus> Rated = new(
        [Planned, Open, Completed, Missed],
        [Suspended, Cancelled]);

    /// <summary>
    /// What a schedule change may delete before the window starts, for generation to make the new schedule's windows:
    /// planned or suspended ones, against which nothing was recorded. A suspended window left behind would hold its
    /// start in the unique key and keep the new schedule's window out.
    /// </summary>
    public static readonly StateSet<InspectionTaskStatus> Replaceable = new(
        [Planned, Suspended],
        [Open, Completed, Missed, Cancelled]);
}
