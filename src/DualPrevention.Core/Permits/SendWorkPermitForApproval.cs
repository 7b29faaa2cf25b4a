using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>送审: a prepared permit goes to its ordered signatures (docs/domain/special-operations.md#42-signature-order).</summary>
public static class SendWorkPermitForApproval
{
    public sealed record Command(Guid PermitId);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No such permit in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the permit's state or a rule refuses (the reasons in the message).</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken) =>
            await PermitUnitOfWork.RunAsync(dbFactory, actor, command.PermitId, (db, permit, by) => Task.FromResult(permit.SendForApproval(by, clock.GetUtcNow())), cancellationToken);
    }
}
