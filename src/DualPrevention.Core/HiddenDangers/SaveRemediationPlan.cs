using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The enterprise writes the six-part remediation plan (docs/domain/dual-prevention.md#72-the-remediation-plan) of a
/// major hidden danger. A partial plan may be saved; rectification can be submitted only once all six parts are there.
/// </summary>
public static class SaveRemediationPlan
{
    public sealed record Command(Guid Id, RemediationPlan Plan);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Plan.Objectives).MaximumLength(2000);
            RuleFor(c => c.Plan.Methods).MaximumLength(2000);
            RuleFor(c => c.Plan.FundingAndMaterials).MaximumLength(2000);
            RuleFor(c => c.Plan.ResponsibleOrganisation).MaximumLength(2000);
            RuleFor(c => c.Plan.TimeLimit).MaximumLength(2000);
            RuleFor(c => c.Plan.SafetyAndEmergencyMeasures).MaximumLength(2000);
            RuleFor(c => c.Plan.InterimSafeguards).MaximumLength(2000);
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <summary>Returns whether the plan is complete (all six parts).</summary>
        /// <exception cref="ValidationException">A part is longer than 2,000 characters.</exception>
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">Not a major one before acceptance, or not the actor's; or someone saved a step on it meanwhile.</exception>
        public async Task<bool> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.SaveRemediationPlan, cancellationToken);
            var by = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            var now = clock.GetUtcNow();
            var majorCase = situation.Case!;
            majorCase.SavePlan(command.Plan, now);
            db.HiddenDangerHistory.Add(situation.HiddenDanger.RecordCaseStep(HiddenDangerAction.SaveRemediationPlan, by, null, now));
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
            return majorCase.HasCompletePlan;
        }
    }
}
