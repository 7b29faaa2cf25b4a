using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>班长验票: the on-shift team leader (an account mapped to <see cref="PermitOrgRole.ShiftLeader"/>, ADR 0051) checks an approved hot-work permit before ignition.</summary>
public static class CheckWorkPermitByShiftLeader
{
    public sealed record Command(Guid PermitId);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No such permit in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the permit's state or a rule refuses (the reasons in the message).</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken) =>
            await PermitUnitOfWork.RunAsync(dbFactory, actor, command.PermitId, async (db, permit, by) => permit.CheckByShiftLeader(await PermitSigners.AuthorityAsync(db, permit, by.UserId, cancellationToken), by, clock.GetUtcNow()), cancellationToken);
    }
}
