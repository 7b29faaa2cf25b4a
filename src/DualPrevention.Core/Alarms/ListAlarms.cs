using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Alarms;

/// <summary>
/// The alarms the reader's scope holds, newest first, one page at a time: the duty list (open ones) and a regulator's
/// read-only drill-down into one enterprise (from the alarm-debt ledger, ADR 0042: its open debt, past its deadline, raised
/// before the period's end). Merged rows are left out: their open alarm counts them.
/// </summary>
public static class ListAlarms
{
    /// <param name="OpenOnly">Only alarms without an outcome (<see cref="AlarmStates.Open"/>).</param>
    /// <param name="PastDue">Only open alarms past their deadline: new ones past <see cref="Alarm.ConfirmDueAt"/>, dispatched ones past
    /// <see cref="Alarm.DispatchDeadline"/> (ADR 0042).</param>
    /// <param name="Before">Only alarms raised before this Beijing date's midnight (a ledger period's exclusive end).</param>
    /// <param name="DeviceId">Only alarms of this device: a camera, a tag.</param>
    public sealed record Query(
        Guid? EnterpriseId, bool OpenOnly, AlarmSource? Source, string? Category, int Page, int PageSize, bool PastDue = false, DateOnly? Before = null, Guid? DeviceId = null);

    /// <param name="EnterpriseName">Whose alarm it is: a regulator's list mixes its region's enterprises.</param>
    public sealed record Row(
        Guid Id, Guid EnterpriseId, string EnterpriseName, AlarmSource Source, string Category, AlarmSeverity Severity, AlarmStatus Status, string Summary,
        DateTimeOffset OccurredAt, DateTimeOffset RaisedAt, DateTimeOffset ConfirmDueAt, int MergedCount, int EscalationLevel);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        public async Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var page = Paging.ClampPage(query.Page);
            var pageSize = Paging.ClampPageSize(query.PageSize);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var alarms = db.Set<Alarm>().AsNoTracking().Where(a => a.Status != AlarmStatus.Merged);
            if (query.EnterpriseId is { } enterpriseId)
            {
                alarms = alarms.Where(a => a.EnterpriseId == enterpriseId);
            }

            if (query.OpenOnly)
            {
                alarms = alarms.Where(a => AlarmStates.Open.Members.Contains(a.Status));
            }

            if (query.PastDue)
            {
                var now = clock.GetUtcNow();
                alarms = alarms.Where(a => (a.Status == AlarmStatus.New && a.ConfirmDueAt <= now)
                    || (a.Status == AlarmStatus.Dispatched && a.DispatchDeadline <= now));
            }

            if (query.Before is { } before)
            {
                var end = BusinessTime.FromLocal(before.ToDateTime(TimeOnly.MinValue));
                alarms = alarms.Where(a => a.RaisedAt < end);
            }

            if (query.Source is { } source)
            {
                alarms = alarms.Where(a => a.Source == source);
            }

            if (query.DeviceId is { } deviceId)
            {
                alarms = alarms.Where(a => a.DeviceId == deviceId);
            }

            if (!string.IsNullOrWhiteSpace(query.Category))
            {
                var category = query.Category.Trim();
                alarms = alarms.Where(a => a.Category == category);
            }

            var total = await alarms.CountAsync(cancellationToken);
            var rows = await alarms
                .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)
                .Skip((page - 1) * pageSize).Take(pageSize)
                .Join(db.Enterprises, a => a.EnterpriseId, e => e.Id, (a, e) => new Row(
                    a.Id, a.EnterpriseId, e.Name, a.Source, a.Category, a.Severity, a.Status, a.Summary, a.OccurredAt, a.RaisedAt, a.ConfirmDueAt, a.MergedCount, a.EscalationLevel))
                .ToListAsync(cancellationToken);
            // The join may lose the page's order in SQL; restore it here.
            rows = [.. rows.OrderByDescending(r => r.RaisedAt).ThenByDescending(r => r.Id)];
            return new Paged<Row>(rows, total, page, pageSize);
        }
    }
}
