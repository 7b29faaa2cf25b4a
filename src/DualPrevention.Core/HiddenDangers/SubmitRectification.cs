using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The rectifier reports what was done; at least one after-rectification photo must be attached, and a major one needs
/// its complete plan. The enterprise's administrators and safety officers who may accept it are notified.
/// </summary>
public static class SubmitRectification
{
    public sealed record Command(Guid Id, string Note);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Note).NotEmpty().WithMessage(_ => Localization.CoreText.Get("HiddenDanger.TextRequired")).MaximumLength(2000);
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, HiddenDangerNotifications notifications)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">A field is missing or too long.</exception>
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">Not rectifying, not the actor's, no after-photo, or a major one without a complete plan; or someone saved a step on it meanwhile.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.SubmitRectification, cancellationToken);
            var by = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            var now = clock.GetUtcNow();
            // After a refused acceptance the evidence must be new: only photos since the previous submission count.
            var since = situation.HiddenDanger.RectifiedAt ?? DateTimeOffset.MinValue;
            var afterPhotos = await db.Photos.CountAsync(
                p => p.HiddenDangerId == command.Id && p.Kind == Photos.PhotoKind.AfterRectification && p.UploadedAt > since, cancellationToken);
            var hiddenDanger = situation.HiddenDanger;
            db.HiddenDangerHistory.Add(hiddenDanger.SubmitRectification(command.Note, afterPhotos, situation.Case, by, now));

            // Those who may accept it: the enterprise's administrators and safety officers, but never the rectifier.
            var accepters = (await HiddenDangerNotifications.ManagersAsync(db, hiddenDanger.EnterpriseId, cancellationToken)).Where(id => id != hiddenDanger.RectifierUserId);
            var notified = await notifications.AddAsync(
                db, actor, hiddenDanger, enterprise => new RectificationSubmittedNotice(enterprise, hiddenDanger.Level, hiddenDanger.Name, by.Name, hiddenDanger.RectificationNote ?? "", hiddenDanger.Number), accepters.Cast<Guid?>(), now, cancellationToken);
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
            notifications.Signal(notified);
        }
    }
}
