using System.Linq.Expressions;
using DualPrevention.Core.Data;
using static DualPrevention.Core.HiddenDangers.HiddenDangerState;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// What the states of a hidden danger count as, and when one is overdue (docs/domain/dual-prevention.md#68-overdue):
/// each defined once here and used by the entity, LINQ queries, SQL statements and index filters alike.
/// </summary>
public static class HiddenDangerStates
{
    /// <summary>Registered and not yet accepted: the states in which a deadline can be missed and the ladder escalates.</summary>
    public static readonly StateSet<HiddenDangerState> Open = new(
        [PendingConfirmation, Rectifying, PendingAcceptance],
        [Draft, Accepted, Invalidated, ClosedOut]);

    /// <summary>
    /// Not yet closed out: a major hidden danger stays on the bureau's list until it is closed out (销号), so acceptance
    /// alone does not take it off (docs/domain/dual-prevention.md#82-supervision-lists).
    /// </summary>
    public static readonly StateSet<HiddenDangerState> OpenMajor = new(
        [PendingConfirmation, Rectifying, PendingAcceptance, Accepted],
        [Draft, Invalidated, ClosedOut]);

    /// <summary>Rectified: accepted (验收通过), or closed out after acceptance (a major one).</summary>
    public static readonly StateSet<HiddenDangerState> Rectified = new(
        [Accepted, ClosedOut],
        [Draft, PendingConfirmation, Rectifying, PendingAcceptance, Invalidated]);

    /// <summary>
    /// What reports and dashboards count (docs/domain/dual-prevention.md#91-rates-and-counts): every registered hidden
    /// danger, but neither a draft nor one judged not to be a hidden danger.
    /// </summary>
    public static readonly StateSet<HiddenDangerState> Counted = new(
        [PendingConfirmation, Rectifying, PendingAcceptance, Accepted, ClosedOut],
        [Draft, Invalidated]);

    /// <summary>Overdue at <paramref name="today"/> (a local date): open and past its deadline, from the day after it on (ADR 0003).</summary>
    public static bool IsOverdue(HiddenDangerState state, DateOnly? deadline, DateOnly today) => deadline < today && Open.Contains(state);

    /// <summary>Whole local days past <paramref name="deadline"/> at <paramref name="today"/>; 0 when not <see cref="IsOverdue"/>.</summary>
    public static int DaysOverdue(HiddenDangerState state, DateOnly? deadline, DateOnly today) =>
        IsOverdue(state, deadline, today) ? today.DayNumber - deadline!.Value.DayNumber : 0;

    /// <summary><see cref="IsOverdue"/> for a LINQ query.</summary>
    public static Expression<Func<HiddenDanger, bool>> OverdueOn(DateOnly today) => h => Open.Members.Contains(h.State) && h.Deadline < today;

    /// <summary>The negation of <see cref="OverdueOn"/>: closed, without a deadline, or not past it.</summary>
    public static Expression<Func<HiddenDanger, bool>> NotOverdueOn(DateOnly today)
    {
        var overdue = OverdueOn(today);
        return Expression.Lambda<Func<HiddenDanger, bool>>(Expression.Not(overdue.Body), overdue.Parameters);
    }

    /// <summary>
    /// <see cref="IsOverdue"/> in SQL over the hidden danger aliased <paramref name="alias"/> (e.g. <c>h</c>) at the local
    /// date <paramref name="today"/> (a date expression, e.g. <c>@today</c>).
    /// </summary>
    public static string OverdueSql(string alias, string today) => $"{Open.Sql($"{alias}.state")} AND {alias}.deadline < {today}";
}
