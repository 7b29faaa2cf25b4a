using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Alarms;

/// <summary>误报: the alarm was not real; the reason feeds the tuning of thresholds (docs/domain/alarms.md#3-rules).</summary>
public static class MarkAlarmFalse
{
    public sealed record Command(Guid AlarmId, FalseAlarmReason Reason, string? Note);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).IsInEnum().WithName(_ => CoreText.Get("Field.Alarms.FalseAlarmReason"));
            RuleFor(c => c.Note).NotEmpty().When(c => c.Reason == FalseAlarmReason.Other)
                .WithMessage(_ => CoreText.Get("Alarm.FalseAlarmNoteRequired"))
                .MaximumLength(Alarm.NoteLength).WithName(_ => CoreText.Get("Field.Alarms.Note"));
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, AlarmFeed feed)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">No reason, or Other without a note.</exception>
        /// <exception cref="NotFoundException">No such alarm in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the alarm has an outcome already.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            AlarmPermissions.EnsureCanHandle(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var alarm = await AlarmUnitOfWork.LoadAsync(db, command.AlarmId, cancellationToken);
            var by = await AlarmUnitOfWork.ActorAsync(db, actor, cancellationToken);
            await AlarmUnitOfWork.SaveAsync(db, alarm.MarkFalse(command.Reason, command.Note, by, clock.GetUtcNow()), cancellationToken);
            feed.Signal(alarm.EnterpriseId);
        }
    }
}
