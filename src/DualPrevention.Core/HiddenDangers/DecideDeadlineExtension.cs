using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// docs/domain/dual-prevention.md#67-deadlines-and-extensions: a pending extension is approved (the deadline moves) or
/// rejected (it stays); the request is kept as history. The posting bureau decides for a posted major hidden danger,
/// the enterprise otherwise; the requester is notified.
/// </summary>
public static class DecideDeadlineExtension
{
    public sealed record Command(Guid Id, Guid RequestId, bool Approve, string? Comment);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Comment).MaximumLength(1000);
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, HiddenDangerNotifications notifications)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">The comment is too long.</exception>
        /// <exception cref="NotFoundException">No such hidden danger or request in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">Not rectifying, nothing pending, already decided, or not the actor's to decide; or someone saved a step on it meanwhile.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.DecideExtension, cancellationToken);
            var request = await db.DeadlineExtensionRequests.FirstOrDefaultAsync(r => r.Id == command.RequestId && r.HiddenDangerId == command.Id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("HiddenDanger.ExtensionNotFound"));
            var by = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            var now = clock.GetUtcNow();
            var hiddenDanger = situation.HiddenDanger;
            db.HiddenDangerHistory.Add(hiddenDanger.DecideExtension(request, command.Approve, command.Comment, by, now));
            var notified = await notifications.AddAsync(
                db, actor, hiddenDanger, enterprise => new ExtensionDecidedNotice(
                    enterprise, hiddenDanger.Level, hiddenDanger.Name, request.Decision == ExtensionDecision.Approved, by.Name, request.PreviousDeadline, request.RequestedDeadline, request.DecisionComment, hiddenDanger.Number), [request.RequestedByUserId], now, cancellationToken);
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
            notifications.Signal(notified);
        }
    }
}
