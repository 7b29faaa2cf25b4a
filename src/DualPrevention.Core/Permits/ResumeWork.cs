using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>恢复作业: suspended work resumes after re-confirmation, with a new gas test when the interruption passed its threshold (GA-HW-2, GA-CS-3).</summary>
public static class ResumeWork
{
    public sealed record Command(Guid PermitId, bool Reconfirmed, WeatherConditions? Weather = null);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No such permit in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the permit's state or a rule refuses (the reasons in the message).</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken) =>
            await PermitUnitOfWork.RunAsync(dbFactory, actor, command.PermitId, async (db, permit, by) => permit.Resume(await PermitUnitOfWork.NamedPeopleAsync(db, permit, cancellationToken), command.Weather, command.Reconfirmed, by, clock.GetUtcNow()), cancellationToken);
    }
}
