using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The enterprise's people complete a draft hidden-danger report opened by an inspection: its name (隐患名称, at most 300
/// characters), description (required by the exchange) and level
/// (docs/domain/dual-prevention.md#63-the-hidden-danger-record).
/// </summary>
public static class EditHiddenDangerDraft
{
    public sealed record Command(Guid Id, string Name, string Description, HiddenDangerLevel Level);

    /// <summary>Shape rules; the lengths are the exchange's.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage(_ => CoreText.Get("HiddenDanger.Name.Required")).MaximumLength(300);
            RuleFor(c => c.Description).NotEmpty().WithMessage(_ => CoreText.Get("HiddenDanger.Description.Required")).MaximumLength(4000);
            RuleFor(c => c.Level).IsInEnum();
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="NotFoundException">No such hidden danger in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor is not one of the enterprise's people, or the report is no longer a draft; or someone saved a step on it meanwhile.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var (enterpriseId, _) = InspectionPermissions.EnsureCanInspect(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var draft = await db.HiddenDangers.FirstOrDefaultAsync(h => h.Id == command.Id && h.EnterpriseId == enterpriseId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("HiddenDanger.NotFound"));
            draft.EditDraft(command.Name, command.Description, command.Level, clock.GetUtcNow());
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
        }
    }
}
