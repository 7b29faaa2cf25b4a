using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core.Alarms;

/// <summary>What a feed says happened: the one input every source gives the alarm centre.</summary>
/// <param name="SourceEventId">The feed's id of the event; the same id raised again is the same alarm.</param>
/// <param name="Category">The rule or category code (<see cref="AlarmCategories"/>).</param>
/// <param name="OccurredAt">UTC, when the source saw it.</param>
public sealed record RaisedAlarm(
    AlarmSource Source,
    string SourceEventId,
    string Category,
    AlarmSeverity Severity,
    DateTimeOffset OccurredAt,
    string Summary,
    Guid? ZoneId = null,
    Guid? SitePlanId = null,
    Guid? DeviceId = null,
    Guid? PersonId = null);

/// <summary>
/// The alarm centre's single entry point for every source (ADR 0037). Idempotent by source event id: a retried feed
/// gets the alarm it raised before. An occurrence of the same source, category and subject (zone, person, device)
/// within the dedup window of an open alarm's latest occurrence is stored merged into it, so the duty list shows one
/// alarm counting its repeats. Runs in the caller's scope: a feed's system scope or the enterprise's own.
/// </summary>
public static class RaiseAlarm
{
    public sealed record Command(Guid EnterpriseId, RaisedAlarm Alarm);

    public enum Outcome
    {
        /// <summary>A new open alarm.</summary>
        Raised = 1,

        /// <summary>Stored merged into <see cref="Result.OpenAlarmId"/>.</summary>
        Merged = 2,

        /// <summary>The source event was raised before; nothing changed.</summary>
        Repeated = 3,
    }

    /// <param name="AlarmId">The alarm of this source event.</param>
    /// <param name="OpenAlarmId">The open alarm the duty list shows for it (the same id unless merged).</param>
    public sealed record Result(Guid AlarmId, Guid OpenAlarmId, Outcome Outcome);

    public sealed class Validator : AbstractValidator<RaisedAlarm>
    {
        public Validator()
        {
            RuleFor(a => a.Source).IsInEnum().WithName(_ => CoreText.Get("Field.Alarms.Source"));
            RuleFor(a => a.SourceEventId).NotEmpty().MaximumLength(Alarm.SourceEventIdLength).WithName(_ => CoreText.Get("Field.Alarms.SourceEventId"));
            RuleFor(a => a.Category).NotEmpty().MaximumLength(Alarm.CategoryLength).WithName(_ => CoreText.Get("Field.Alarms.Category"));
            RuleFor(a => a.Severity).IsInEnum().WithName(_ => CoreText.Get("Field.Alarms.Severity"));
            RuleFor(a => a.OccurredAt).Must(d => WorldDates.Contains(d)).WithMessage(_ => WorldDates.Refusal()).WithName(_ => CoreText.Get("Field.Alarms.OccurredAt"));
            RuleFor(a => a.Summary).NotEmpty().MaximumLength(Alarm.SummaryLength).WithName(_ => CoreText.Get("Field.Alarms.Summary"));
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, IOptions<AlarmRules> rules, AlarmFeed feed)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">A field is missing, too long or out of range.</exception>
        /// <exception cref="NotFoundException">No such enterprise in the caller's scope.</exception>
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command.Alarm, cancellationToken);
            var raised = command.Alarm;
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var regionCode = await db.Enterprises.Where(e => e.Id == command.EnterpriseId).Select(e => e.RegionCode).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Alarm.EnterpriseNotFound"));
            var (alarm, raisedEvent) = Alarm.Raise(command.EnterpriseId, regionCode, raised, TimeSpan.FromMinutes(rules.Value.ConfirmMinutesOf(raised.Category)), now);

            // One raise per enterprise, source and category at a time: the look-ups below and the insert see each other,
            // so two copies of one event, or two occurrences of one subject, never both open an alarm.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var lockKey = $"alarm:{command.EnterpriseId}:{(int)alarm.Source}:{alarm.Category.ToUpperInvariant()}";
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({lockKey}, 0))", cancellationToken);

            var earlier = await db.Set<Alarm>()
                .Where(a => a.EnterpriseId == alarm.EnterpriseId && a.Source == alarm.Source && a.SourceEventId == alarm.SourceEventId)
                .Select(a => new { a.Id, a.MergedIntoId })
                .FirstOrDefaultAsync(cancellationToken);
            if (earlier is not null)
            {
                return new Result(earlier.Id, earlier.MergedIntoId ?? earlier.Id, Outcome.Repeated);
            }

            var openSince = alarm.OccurredAt - rules.Value.DedupWindow;
            var open = await db.Set<Alarm>()
                .Where(a => a.EnterpriseId == alarm.EnterpriseId && a.Source == alarm.Source && a.Category == alarm.Category
                    && a.ZoneId == alarm.ZoneId && a.PersonId == alarm.PersonId && a.DeviceId == alarm.DeviceId
                    && AlarmStates.Open.Members.Contains(a.Status) && a.LastOccurredAt >= openSince)
                .OrderByDescending(a => a.LastOccurredAt)
                .FirstOrDefaultAsync(cancellationToken);
            db.Add(alarm);
            db.Add(raisedEvent);
            if (open is not null)
            {
                db.Add(alarm.MergeInto(open, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            feed.Signal(alarm.EnterpriseId);
            return open is null ? new Result(alarm.Id, alarm.Id, Outcome.Raised) : new Result(alarm.Id, open.Id, Outcome.Merged);
        }
    }
}
