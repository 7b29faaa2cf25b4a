using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>安全生产法 Art. 41: a major hidden danger is reported to the workers' congress as well as the bureau.</summary>
public static class RecordWorkersCongressReport
{
    public sealed record Command(Guid Id);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">Not a major one, not open, or not the actor's; or someone saved a step on it meanwhile.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.RecordWorkersCongressReport, cancellationToken);
            var by = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            var now = clock.GetUtcNow();
            situation.Case!.RecordWorkersCongressReport(now);
            db.HiddenDangerHistory.Add(situation.HiddenDanger.RecordCaseStep(HiddenDangerAction.RecordWorkersCongressReport, by, null, now));
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
        }
    }
}
