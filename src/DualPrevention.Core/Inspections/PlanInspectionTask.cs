using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// A safety officer sets what the control measure does not say about its inspection task
/// (docs/domain/dual-prevention.md#51-task-definitions): the first start, the inspection type and who does it. The
/// not-yet-started (Planned) windows of the definition are deleted in the same transaction, so the next generation run
/// recreates them from the new anchor and assignee. A new anchor also drops the window running now (open, no record yet):
/// the new schedule has its own window covering now, and two open windows of one definition would ask for two checks of
/// one measure at once. When the anchor stays, the running window stays with the assignee it was generated with.
/// </summary>
public static class PlanInspectionTask
{
    /// <param name="FirstStartLocal">Asia/Shanghai wall-clock start of window 0.</param>
    /// <param name="AssigneeUserId">An account of the enterprise; or null.</param>
    /// <param name="AssigneePost">A post (岗位) whose members share the windows; or null. Not with a person.</param>
    public sealed record Command(Guid Id, DateTime FirstStartLocal, InspectionSource Source, Guid? AssigneeUserId, string? AssigneePost);

    /// <summary>Shape rules: a known inspection type, a post of at most 100 characters, a person or a post but not both.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FirstStartLocal).NotEqual(default(DateTime)).WithMessage(_ => CoreText.Get("Inspection.FirstStart.Required"))
                .DependentRules(() => RuleFor(c => c.FirstStartLocal).WithinWorld());
            RuleFor(c => c.Source).IsInEnum().WithMessage(_ => CoreText.Get("Inspection.Source.Invalid"));
            RuleFor(c => c.AssigneePost).MaximumLength(100).WithMessage(_ => CoreText.Get("Inspection.Post.TooLong"));
            RuleFor(c => c.AssigneePost)
                .Must((c, post) => c.AssigneeUserId is null || string.IsNullOrWhiteSpace(post))
                .WithMessage(_ => CoreText.Get("Inspection.Assignee.OneOnly"));
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <summary>Returns how many windows were dropped for regeneration.</summary>
        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="NotFoundException">No live definition with this id in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the person is not one of the enterprise's accounts.</exception>
        public async Task<int> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var definition = await db.InspectionTaskDefinitions.FirstOrDefaultAsync(d => d.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Inspection.Definition.NotFound"));
            if (command.AssigneeUserId is { } userId
                && !await db.Users.AnyAsync(u => u.Id == userId && u.EnterpriseId == enterpriseId, cancellationToken))
            {
                throw new DomainRuleException(CoreText.Get("Inspection.Assignee.NotInEnterprise"));
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var firstStartAt = BusinessTime.FromLocal(command.FirstStartLocal);
            var reanchored = firstStartAt != definition.FirstStartAt;
            definition.Plan(new InspectionTaskPlan(firstStartAt, command.Source, command.AssigneeUserId, command.AssigneePost), now);
            await db.SaveChangesAsync(cancellationToken);
            var dropped = await db.InspectionTasks
                .Where(t => t.DefinitionId == definition.Id
                    && (t.Status == InspectionTaskStatus.Planned
                        || (reanchored && t.Status == InspectionTaskStatus.Open && t.WindowEnd > now && !db.InspectionRecords.Any(r => r.TaskId == t.Id))))
                .ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return dropped;
        }
    }
}
