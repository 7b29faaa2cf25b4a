using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>验收: the acceptor confirms the site restored and closes the permit (§4.14, §4.15).</summary>
public static class AcceptWork
{
    public sealed record Command(Guid PermitId, bool SiteRestored, string? Notes);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No such permit in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the permit's state or a rule refuses (the reasons in the message).</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken) =>
            await PermitUnitOfWork.RunAsync(dbFactory, actor, command.PermitId, (db, permit, by) => Task.FromResult(permit.Accept(command.SiteRestored, command.Notes, by, clock.GetUtcNow())), cancellationToken);
    }
}
