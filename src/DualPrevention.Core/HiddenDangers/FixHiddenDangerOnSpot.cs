using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// 即查即改 (docs/domain/dual-prevention.md#65-fixing-on-the-spot): a general hidden danger, a draft or a new report, was
/// fixed where it was found; the actor signs as accepter at once and names the rectifier, who must be someone else. An
/// after-photo is optional.
/// </summary>
public static class FixHiddenDangerOnSpot
{
    public sealed record Command(Guid Id, string Note, Guid RectifierUserId, string? Comment);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Note).RequiredText();
            RuleFor(c => c.RectifierUserId).NotEmpty();
            RuleFor(c => c.Comment).MaximumLength(1000);
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">The note is missing or a field too long.</exception>
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">Not a draft or new report, major, not the actor's, the rectifier is no account of the enterprise or is the actor; or someone saved a step on it meanwhile.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.FixOnSpot, cancellationToken);
            var rectifier = await HiddenDangerUnitOfWork.StaffAsync(db, situation.HiddenDanger.EnterpriseId, command.RectifierUserId, cancellationToken);
            var accepter = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            db.HiddenDangerHistory.Add(situation.HiddenDanger.FixOnSpot(command.Note, rectifier, accepter, command.Comment, clock.GetUtcNow()));
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
        }
    }
}
