using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Photos;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.VideoAlarms;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Alarms;

/// <summary>
/// 转隐患: a confirmed alarm that needs formal rectification opens a hidden danger, origin <see cref="HiddenDangerOrigin.Alarm"/>,
/// usually from a failed control measure (docs/domain/alarms.md#1-states). The alarm keeps the hidden danger's id and
/// the hidden danger finds its alarm by it: linked both ways by one column (ADR 0037). A video alarm's snapshot becomes
/// the hidden danger's before-photo (ADR 0046). <see cref="Handler.DraftAsync"/> pre-fills
/// the report from the alarm; the person converting may change every field.
/// </summary>
public static class ConvertAlarmToHiddenDanger
{
    public sealed record Command(Guid AlarmId, HiddenDangerReport Report);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, HiddenDangerNotifications notifications, AlarmFeed feed)
    {
        /// <summary>The longest hidden danger name (<see cref="HiddenDangerReportValidator"/>); a longer summary is cut.</summary>
        private const int NameLength = 300;

        private readonly HiddenDangerReportValidator _validator = new();

        /// <summary>The report pre-filled from the alarm: its summary as name and description, its zone as the place.</summary>
        /// <exception cref="NotFoundException">No such alarm in the actor's scope.</exception>
        public async Task<HiddenDangerReport> DraftAsync(Guid alarmId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var alarm = await db.Set<Alarm>().AsNoTracking()
                .Where(a => a.Id == alarmId)
                .Select(a => new { a.Summary, a.Category, a.OccurredAt, Zone = db.Set<Zone>().Where(z => z.Id == a.ZoneId).Select(z => z.Name).FirstOrDefault() })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Alarm.NotFound"));
            var name = alarm.Summary.Length > NameLength ? alarm.Summary[..NameLength] : alarm.Summary;
            var description = CoreText.Get("Alarm.HiddenDangerDescription", AlarmCategories.Name(alarm.Category, System.Globalization.CultureInfo.CurrentUICulture), BusinessTime.ToLocal(alarm.OccurredAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), alarm.Summary);
            return new HiddenDangerReport(name, description, HiddenDangerLevel.General, Inspections.InspectionSource.MeasureFailure, alarm.Zone, null, null);
        }

        /// <summary>Opens the hidden danger and closes the alarm with it; returns the hidden danger's id.</summary>
        /// <exception cref="ValidationException">A field of the report is missing or too long.</exception>
        /// <exception cref="NotFoundException">No such alarm in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, the alarm is not confirmed or dispatched, or someone changed it meanwhile.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            AlarmPermissions.EnsureCanHandle(actor);
            await _validator.ValidateAndThrowAsync(command.Report, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await HiddenDangerUnitOfWork.EnsureKnownCriteriaAsync(db, command.Report.Grading, cancellationToken);
            var alarm = await AlarmUnitOfWork.LoadAsync(db, command.AlarmId, cancellationToken);
            var now = clock.GetUtcNow();
            var reporter = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            var report = HiddenDanger.Report(alarm.EnterpriseId, alarm.RegionCode, command.Report, HiddenDangerOrigin.Alarm, null, reporter, now);
            db.Add(alarm.ConvertToHiddenDanger(report.HiddenDanger.Id, new AlarmActor(reporter.UserId, reporter.Name), now));

            // A video alarm's snapshot is the hidden danger's before-photo (ADR 0046), kept with it from now on.
            var snapshotId = await db.Set<VideoAlarmEvidence>().Where(e => e.AlarmId == alarm.Id).Select(e => e.SnapshotPhotoId).FirstOrDefaultAsync(cancellationToken);
            if (snapshotId is { } photoId && await db.Set<Photo>().SingleOrDefaultAsync(p => p.Id == photoId, cancellationToken) is { } snapshot)
            {
                snapshot.AttachToHiddenDanger(report.HiddenDanger.Id, PhotoKind.Finding);
            }

            try
            {
                var id = await HiddenDangerUnitOfWork.AddReportAsync(db, notifications, actor, report, cancellationToken);
                feed.Signal(alarm.EnterpriseId);
                return id;
            }
            catch (DbUpdateConcurrencyException ex)
            {
                throw new DomainRuleException(CoreText.Get("Alarm.Concurrency"), ex);
            }
        }
    }
}
