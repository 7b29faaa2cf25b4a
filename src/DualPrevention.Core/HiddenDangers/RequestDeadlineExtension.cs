using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>The rectifier or the enterprise asks for a later deadline (a local date); one request may be pending at a time (docs/domain/dual-prevention.md#67-deadlines-and-extensions).</summary>
public static class RequestDeadlineExtension
{
    public sealed record Command(Guid Id, DateOnly RequestedDeadline, string Reason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).RequiredText();
            RuleFor(c => c.RequestedDeadline).WithinWorld();
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <summary>Returns the request's id.</summary>
        /// <exception cref="ValidationException">The reason is missing or too long.</exception>
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">Not rectifying, not the actor's, one pending already, or the date is not after the deadline; or someone saved a step on it meanwhile.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.RequestExtension, cancellationToken);
            var by = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            var (request, entry) = situation.HiddenDanger.RequestExtension(command.RequestedDeadline, command.Reason, situation.HasPendingExtension, by, clock.GetUtcNow());
            db.DeadlineExtensionRequests.Add(request);
            db.HiddenDangerHistory.Add(entry);
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
            return request.Id;
        }
    }
}
