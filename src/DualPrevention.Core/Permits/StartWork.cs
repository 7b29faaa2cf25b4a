using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>开始作业: an approved permit's work starts, if every guard of docs/domain/special-operations.md#12-permit-life-cycle holds.</summary>
public static class StartWork
{
    public sealed record Command(Guid PermitId, WeatherConditions? Weather = null);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No such permit in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the permit's state or a rule refuses (the reasons in the message).</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken) =>
            await PermitUnitOfWork.RunAsync(dbFactory, actor, command.PermitId, async (db, permit, by) => permit.Start(
                await PermitUnitOfWork.NamedPeopleAsync(db, permit, cancellationToken), command.Weather, by, clock.GetUtcNow(),
                await CheckSimultaneousOperations.RefusalsAsync(db, permit, cancellationToken)), cancellationToken);
    }
}
