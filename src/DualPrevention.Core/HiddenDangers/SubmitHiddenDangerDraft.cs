using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The inspector (or a manager) submits a draft opened by an inspection, from the phone, with its last edits: it becomes
/// pending confirmation in one save (docs/domain/dual-prevention.md#64-life-cycle) and the enterprise's confirmers are
/// notified. A major one names why (docs/domain/dual-prevention.md#62-major-hidden-danger-criteria); its case opens.
/// </summary>
public static class SubmitHiddenDangerDraft
{
    /// <param name="MajorReason">Why it is major (重大隐患判定依据), required for a major one; ignored for a general one.</param>
    public sealed record Command(Guid Id, string Name, string Description, HiddenDangerLevel Level, string? MajorReason);

    /// <summary>The draft's shape rules, as <see cref="EditHiddenDangerDraft.Validator"/> has them, and a reason of at most 1,000 characters.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage(_ => CoreText.Get("HiddenDanger.Name.Required")).MaximumLength(300);
            RuleFor(c => c.Description).NotEmpty().WithMessage(_ => CoreText.Get("HiddenDanger.Description.Required")).MaximumLength(4000);
            RuleFor(c => c.Level).IsInEnum();
            RuleFor(c => c.MajorReason).MaximumLength(1000);
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, HiddenDangerNotifications notifications)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="NotFoundException">No such hidden danger in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">Not a draft, neither the reporter's nor a manager's, or a major one without a reason; or someone saved a step on it meanwhile.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.Register, cancellationToken);
            var by = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            var now = clock.GetUtcNow();
            var hiddenDanger = situation.HiddenDanger;
            hiddenDanger.EditDraft(command.Name, command.Description, command.Level, now);
            var grading = command.Level == HiddenDangerLevel.Major && !string.IsNullOrWhiteSpace(command.MajorReason) ? new MajorGrading(null, command.MajorReason) : null;
            db.HiddenDangerHistory.Add(hiddenDanger.Register(grading, by, now));
            HiddenDangerUnitOfWork.OpenCaseIfMajor(db, situation, now);
            var notified = await notifications.AddReportedAsync(db, actor, hiddenDanger, now, cancellationToken);
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
            notifications.Signal(notified);
        }
    }
}
