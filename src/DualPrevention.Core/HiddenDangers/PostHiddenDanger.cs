using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// 挂牌督办 (docs/domain/dual-prevention.md#74-posting): a city reviewer posts a major hidden danger of its own city at
/// city level, province staff at province level, with the posting organisation, notice number and deadline. That bureau
/// then decides extensions and closes it out. The enterprise's administrators and safety officers are notified.
/// </summary>
public static class PostHiddenDanger
{
    public sealed record Command(Guid Id, Posting Posting);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            // "Level" of a hidden danger is its grade; here it is the posting's.
            RuleFor(c => c.Posting.Level).IsInEnum().WithName(_ => CoreText.Get("Field.HiddenDangers.PostingLevel"));
            RuleFor(c => c.Posting.Organisation).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Posting.NoticeNo).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Posting.Deadline).WithinWorld();
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, HiddenDangerNotifications notifications)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">The organisation or notice number is missing or too long.</exception>
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">Not an open major one, posted already, not the actor's level, or the deadline is past; or someone saved a step on it meanwhile.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.Post, cancellationToken);
            if (!HiddenDangerPermissions.IsPostingBureau(actor, situation.HiddenDanger, command.Posting.Level))
            {
                throw new DomainRuleException(CoreText.Get("HiddenDanger.PostingLevelNotYours"));
            }

            var now = clock.GetUtcNow();
            if (command.Posting.Deadline < BusinessTime.LocalDate(now))
            {
                throw new DomainRuleException(CoreText.Get("HiddenDanger.DeadlinePast"));
            }

            var by = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            var hiddenDanger = situation.HiddenDanger;
            situation.Case!.Post(command.Posting, by.UserId, now);
            db.HiddenDangerHistory.Add(hiddenDanger.RecordCaseStep(
                HiddenDangerAction.Post, by, $"{command.Posting.Organisation} {command.Posting.NoticeNo} {command.Posting.Deadline:yyyy-MM-dd}", now));
            var managers = await HiddenDangerNotifications.ManagersAsync(db, hiddenDanger.EnterpriseId, cancellationToken);
            var notified = await notifications.AddAsync(
                db, actor, hiddenDanger, enterprise => new HiddenDangerPostedNotice(enterprise, hiddenDanger.Level, hiddenDanger.Name, command.Posting.Organisation.Trim(), command.Posting.NoticeNo.Trim(), command.Posting.Deadline, hiddenDanger.Number), managers.Cast<Guid?>(), now, cancellationToken);
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
            notifications.Signal(notified);
        }
    }
}
