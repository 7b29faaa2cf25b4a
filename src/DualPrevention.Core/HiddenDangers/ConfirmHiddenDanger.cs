using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The enterprise confirms grade, category, deadline and rectifier (an account of the enterprise) and
/// the hidden danger goes into rectification by deadline (限期整改). Confirming a major one opens its case; the rectifier
/// is notified.
/// </summary>
public static class ConfirmHiddenDanger
{
    public sealed record Command(Guid Id, HiddenDangerConfirmation Confirmation, Guid RectifierUserId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.RectifierUserId).NotEmpty();
            RuleFor(c => c.Confirmation.Level).IsInEnum();
            RuleFor(c => c.Confirmation.Category).IsInEnum();
            RuleFor(c => c.Confirmation.ManagementClass).IsInEnum();
            RuleFor(c => c.Confirmation.OccurrenceStage).IsInEnum();
            RuleFor(c => c.Confirmation.CauseAnalysis).MaximumLength(2000);
            RuleFor(c => c.Confirmation.RemediationMeasures).MaximumLength(1000);
            RuleFor(c => c.Confirmation.CostTenThousandYuan).GreaterThanOrEqualTo(0).LessThan(HiddenDangerValidation.CostLimitTenThousandYuan);
            RuleFor(c => c.Confirmation.Grading).ValidGrading();
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, HiddenDangerNotifications notifications)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">
        /// Not pending confirmation, not the actor's, the deadline is past, the rectifier is no account of the
        /// enterprise, or a major one lacks known criteria or a reason; or someone saved a step on it meanwhile.
        /// </exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.Confirm, cancellationToken);
            await HiddenDangerUnitOfWork.EnsureKnownCriteriaAsync(db, command.Confirmation.Grading, cancellationToken);
            var rectifier = await HiddenDangerUnitOfWork.StaffAsync(db, situation.HiddenDanger.EnterpriseId, command.RectifierUserId, cancellationToken);
            var by = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            var now = clock.GetUtcNow();
            var hiddenDanger = situation.HiddenDanger;
            db.HiddenDangerHistory.Add(hiddenDanger.Confirm(command.Confirmation, rectifier, BusinessTime.LocalDate(now), by, now));
            HiddenDangerUnitOfWork.OpenCaseIfMajor(db, situation, now);
            var notified = await notifications.AddAsync(
                db, actor, hiddenDanger, enterprise => new RectifierAssignedNotice(enterprise, hiddenDanger.Level, hiddenDanger.Name, hiddenDanger.Deadline, by.Name, hiddenDanger.Number), [rectifier.UserId], now, cancellationToken);
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
            notifications.Signal(notified);
        }
    }
}
