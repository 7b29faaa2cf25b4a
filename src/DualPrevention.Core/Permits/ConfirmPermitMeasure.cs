using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>确认安全措施: a named person of the registry confirms a measure in place, or not applicable to this work.</summary>
public static class ConfirmPermitMeasure
{
    public sealed record Command(Guid PermitId, Guid MeasureId, bool Applicable, Guid PersonId);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No such permit in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the permit's state or a rule refuses (the reasons in the message).</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken) =>
            await PermitUnitOfWork.RunAsync(dbFactory, actor, command.PermitId, async (db, permit, by) => permit.ConfirmMeasure(command.MeasureId, command.Applicable, command.PersonId, await PermitUnitOfWork.PersonNameAsync(db, command.PersonId, cancellationToken), by, clock.GetUtcNow()), cancellationToken);
    }
}
