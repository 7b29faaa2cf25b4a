using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Alarms;

/// <summary>One alarm with its history, oldest step first, within the reader's scope.</summary>
public static class GetAlarm
{
    public sealed record Step(AlarmAction Action, AlarmStatus? FromStatus, AlarmStatus ToStatus, DateTimeOffset At, string ByName, string? Comment);

    public sealed record Details(
        Guid Id,
        Guid EnterpriseId,
        AlarmSource Source,
        string Category,
        AlarmSeverity Severity,
        AlarmStatus Status,
        string Summary,
        DateTimeOffset OccurredAt,
        DateTimeOffset RaisedAt,
        DateTimeOffset ConfirmDueAt,
        int MergedCount,
        int EscalationLevel,
        Guid? ZoneId,
        Guid? PersonId,
        Guid? DeviceId,
        FalseAlarmReason? FalseAlarmReason,
        string? Disposition,
        string? DispatchedToName,
        DateTimeOffset? DispatchDeadline,
        Guid? EvidencePhotoId,
        Guid? HiddenDangerId,
        Guid? MergedIntoId,
        IReadOnlyList<Step> History)
    {
        /// <summary>Where <see cref="EvidencePhotoId"/> is served in the reader's scope; filled in by the API, which knows its routes.</summary>
        public string? EvidencePhotoUrl { get; init; }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No such alarm in the reader's scope.</exception>
        public async Task<Details> HandleAsync(Guid alarmId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var alarm = await db.Set<Alarm>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == alarmId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Alarm.NotFound"));
            var history = await db.Set<AlarmEvent>().AsNoTracking()
                .Where(e => e.AlarmId == alarmId)
                .OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new Step(e.Action, e.FromStatus, e.ToStatus, e.At, e.ByName, e.Comment))
                .ToListAsync(cancellationToken);
            return new Details(
                alarm.Id, alarm.EnterpriseId, alarm.Source, alarm.Category, alarm.Severity, alarm.Status, alarm.Summary, alarm.OccurredAt, alarm.RaisedAt,
                alarm.ConfirmDueAt, alarm.MergedCount, alarm.EscalationLevel, alarm.ZoneId, alarm.PersonId, alarm.DeviceId, alarm.FalseAlarmReason,
                alarm.Disposition, alarm.DispatchedToName, alarm.DispatchDeadline, alarm.EvidencePhotoId, alarm.HiddenDangerId, alarm.MergedIntoId, history);
        }

        /// <summary>The alarm a hidden danger was opened from, if any: the other direction of the link.</summary>
        public async Task<Guid?> OfHiddenDangerAsync(Guid hiddenDangerId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Set<Alarm>().Where(a => a.HiddenDangerId == hiddenDangerId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        }
    }
}
