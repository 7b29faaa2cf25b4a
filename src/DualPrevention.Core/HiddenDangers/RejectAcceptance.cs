using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>验收不通过 (docs/domain/dual-prevention.md#64-life-cycle): back to rectification, counted, with what is missing; the rectifier is notified.</summary>
public static class RejectAcceptance
{
    public sealed record Command(Guid Id, string Comment);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Comment).RequiredText();
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, HiddenDangerNotifications notifications)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">A field is missing or too long.</exception>
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">Not pending acceptance, not the actor's to judge, or the actor is the rectifier or submitted the rectification; or someone saved a step on it meanwhile.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.RejectAcceptance, cancellationToken);
            var by = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            var now = clock.GetUtcNow();
            var hiddenDanger = situation.HiddenDanger;
            db.HiddenDangerHistory.Add(hiddenDanger.RejectAcceptance(command.Comment, by, situation.Submitter, now));
            var notified = await notifications.AddAsync(
                db, actor, hiddenDanger, enterprise => new AcceptanceRejectedNotice(enterprise, hiddenDanger.Level, hiddenDanger.Name, by.Name, hiddenDanger.AcceptanceComment ?? "", hiddenDanger.Deadline, hiddenDanger.Number), [hiddenDanger.RectifierUserId], now, cancellationToken);
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
            notifications.Signal(notified);
        }
    }
}
