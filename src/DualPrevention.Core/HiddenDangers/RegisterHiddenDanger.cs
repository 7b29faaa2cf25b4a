using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The reporter or a safety officer registers a draft from an inspection; it becomes pending confirmation. A major one
/// names its criteria (docs/domain/dual-prevention.md#62-major-hidden-danger-criteria) and its case opens, reported to
/// the bureau at once. The enterprise's confirmers are notified.
/// </summary>
public static class RegisterHiddenDanger
{
    /// <param name="Grading">Criteria or reason of a major draft; null keeps what the draft has.</param>
    public sealed record Command(Guid Id, MajorGrading? Grading);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Grading).ValidGrading();
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, HiddenDangerNotifications notifications)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">A criterion number or the reason is malformed.</exception>
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">Not a draft, not the actor's, or a major one without known criteria or reason; or someone saved a step on it meanwhile.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.Register, cancellationToken);
            await HiddenDangerUnitOfWork.EnsureKnownCriteriaAsync(db, command.Grading, cancellationToken);
            var by = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            var now = clock.GetUtcNow();
            db.HiddenDangerHistory.Add(situation.HiddenDanger.Register(command.Grading, by, now));
            HiddenDangerUnitOfWork.OpenCaseIfMajor(db, situation, now);
            var notified = await notifications.AddReportedAsync(db, actor, situation.HiddenDanger, now, cancellationToken);
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
            notifications.Signal(notified);
        }
    }
}
