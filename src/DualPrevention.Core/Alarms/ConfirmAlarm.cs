using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Alarms;

/// <summary>确认: the person on duty confirms a new alarm is real (docs/domain/alarms.md#1-states).</summary>
public static class ConfirmAlarm
{
    public sealed record Command(Guid AlarmId);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, AlarmFeed feed)
    {
        /// <exception cref="NotFoundException">No such alarm in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the alarm is not new.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            AlarmPermissions.EnsureCanHandle(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var alarm = await AlarmUnitOfWork.LoadAsync(db, command.AlarmId, cancellationToken);
            var by = await AlarmUnitOfWork.ActorAsync(db, actor, cancellationToken);
            await AlarmUnitOfWork.SaveAsync(db, alarm.Confirm(by, clock.GetUtcNow()), cancellationToken);
            feed.Signal(alarm.EnterpriseId);
        }
    }
}
