using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Photos;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Alarms;

/// <summary>处置完毕: what was done on the spot, and a photo from the photo pipeline if one was taken (docs/domain/alarms.md#1-states).</summary>
public static class ResolveAlarm
{
    public sealed record Command(Guid AlarmId, string Evidence, Guid? PhotoId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Evidence).NotEmpty().WithMessage(_ => CoreText.Get("Alarm.EvidenceRequired"))
                .MaximumLength(Alarm.NoteLength).WithName(_ => CoreText.Get("Field.Alarms.Evidence"));
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, AlarmFeed feed)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">No evidence, or too long.</exception>
        /// <exception cref="NotFoundException">No such alarm in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, the alarm is not confirmed or dispatched, or the photo is not an unclaimed upload of the enterprise's.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            AlarmPermissions.EnsureCanHandle(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var alarm = await AlarmUnitOfWork.LoadAsync(db, command.AlarmId, cancellationToken);
            if (command.PhotoId is { } photoId)
            {
                // An upload of the alarm's enterprise still waiting to be claimed: once kept, it no longer expires (ADR 0021).
                var photo = await db.Set<Photo>()
                    .SingleOrDefaultAsync(p => p.Id == photoId && p.EnterpriseId == alarm.EnterpriseId && p.ExpiresAt != null && p.RecordId == null && p.HiddenDangerId == null, cancellationToken)
                    ?? throw new DomainRuleException(CoreText.Get("Alarm.PhotoNotFound"));
                photo.AttachToAlarm();
            }

            var by = await AlarmUnitOfWork.ActorAsync(db, actor, cancellationToken);
            await AlarmUnitOfWork.SaveAsync(db, alarm.Resolve(command.Evidence, command.PhotoId, by, clock.GetUtcNow()), cancellationToken);
            feed.Signal(alarm.EnterpriseId);
        }
    }
}
