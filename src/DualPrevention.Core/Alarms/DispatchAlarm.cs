using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Alarms;

/// <summary>派单: a confirmed alarm is sent to a person of the enterprise, to be resolved by a deadline (docs/domain/alarms.md#1-states).</summary>
public static class DispatchAlarm
{
    /// <param name="Deadline">UTC, after now.</param>
    public sealed record Command(Guid AlarmId, Guid AssigneeUserId, DateTimeOffset Deadline);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AssigneeUserId).NotEmpty().WithName(_ => CoreText.Get("Field.Alarms.Assignee"));
            RuleFor(c => c.Deadline).Must(d => WorldDates.Contains(d)).WithMessage(_ => WorldDates.Refusal()).WithName(_ => CoreText.Get("Field.Alarms.Deadline"));
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, AlarmFeed feed)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">No assignee, or a deadline outside the world's dates.</exception>
        /// <exception cref="NotFoundException">No such alarm in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, the alarm is not confirmed, the assignee is not the enterprise's, or the deadline has passed.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            AlarmPermissions.EnsureCanHandle(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var alarm = await AlarmUnitOfWork.LoadAsync(db, command.AlarmId, cancellationToken);

            // Accounts carry no row-level security: the enterprise is checked here.
            var assignee = await db.Users.Where(u => u.Id == command.AssigneeUserId && u.EnterpriseId == alarm.EnterpriseId)
                .Select(u => new { u.DisplayName, u.UserName })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException(CoreText.Get("Alarm.AssigneeNotStaff"));
            var to = new AlarmActor(command.AssigneeUserId, string.IsNullOrWhiteSpace(assignee.DisplayName) ? assignee.UserName ?? "" : assignee.DisplayName);
            var by = await AlarmUnitOfWork.ActorAsync(db, actor, cancellationToken);
            await AlarmUnitOfWork.SaveAsync(db, alarm.Dispatch(to, command.Deadline, by, clock.GetUtcNow()), cancellationToken);
            feed.Signal(alarm.EnterpriseId);
        }
    }
}
