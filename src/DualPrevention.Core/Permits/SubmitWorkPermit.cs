using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>提交: a draft moves to preparation once its people pass the guardian and certificate rules (docs/domain/special-operations.md#12-permit-life-cycle).</summary>
public static class SubmitWorkPermit
{
    public sealed record Command(Guid PermitId);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No such permit in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the permit's state or a rule refuses (the reasons in the message).</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken) =>
            await PermitUnitOfWork.RunAsync(dbFactory, actor, command.PermitId, async (db, permit, by) => permit.Submit(await PermitUnitOfWork.NamedPeopleAsync(db, permit, cancellationToken), by, clock.GetUtcNow()), cancellationToken);
    }
}
