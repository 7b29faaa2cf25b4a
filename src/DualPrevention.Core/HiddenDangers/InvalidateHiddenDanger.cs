using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>A hidden danger pending confirmation is judged not to be one (作废, docs/domain/dual-prevention.md#64-life-cycle), with the reason.</summary>
public static class InvalidateHiddenDanger
{
    public sealed record Command(Guid Id, string Reason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).RequiredText();
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">A field is missing or too long.</exception>
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">Not pending confirmation, or not the actor's to invalidate; or someone saved a step on it meanwhile.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.Invalidate, cancellationToken);
            var by = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            var now = clock.GetUtcNow();
            db.HiddenDangerHistory.Add(situation.HiddenDanger.Invalidate(command.Reason, by, now));
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
        }
    }
}
