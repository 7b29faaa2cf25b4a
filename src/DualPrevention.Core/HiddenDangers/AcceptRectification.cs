using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>The accepter (neither the rectifier nor whoever submitted the rectification, docs/domain/dual-prevention.md#66-who-accepts) accepts the rectification; a major one then waits for close-out.</summary>
public static class AcceptRectification
{
    public sealed record Command(Guid Id, string? Comment);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Comment).MaximumLength(1000);
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">A field is missing or too long.</exception>
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">Not pending acceptance, not the actor's to accept, or the actor is the rectifier or submitted the rectification; or someone saved a step on it meanwhile.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.Accept, cancellationToken);
            var by = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            var now = clock.GetUtcNow();
            db.HiddenDangerHistory.Add(situation.HiddenDanger.Accept(command.Comment, by, situation.Submitter, now));
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
        }
    }
}
