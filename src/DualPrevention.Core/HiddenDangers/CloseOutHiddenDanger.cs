using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>销号 (docs/domain/dual-prevention.md#75-close-out-and-resumption): an accepted major hidden danger is closed out by the enterprise's principal side, or by the bureau that posted it.</summary>
public static class CloseOutHiddenDanger
{
    public sealed record Command(Guid Id);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">Not an accepted major one, or not the actor's to close out; or someone saved a step on it meanwhile.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.CloseOut, cancellationToken);
            var by = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            var now = clock.GetUtcNow();
            db.HiddenDangerHistory.Add(situation.HiddenDanger.CloseOut(by, now));
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
        }
    }
}
