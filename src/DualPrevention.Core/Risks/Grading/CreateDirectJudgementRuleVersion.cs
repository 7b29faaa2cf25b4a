using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Regions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Grading;

/// <summary>
/// Province staff (for the province or any of its cities) or a city's reviewers (for their own city) issue a new version
/// of a direct-judgement rule (ADR 0033, docs/domain/direct-judgement.md). It applies to assessments made from its
/// effective time on; earlier assessments keep the rule they were graded with. The audit trail records who issued what.
/// </summary>
public static class CreateDirectJudgementRuleVersion
{
    /// <param name="RegionCode">The province (PP0000) or a city (PPCC00).</param>
    /// <param name="Level">The level a matching event is lifted to: 重大, 较大 or 一般.</param>
    /// <param name="IsEnabled">False to switch the condition off in the region (a city declining the province's rule).</param>
    /// <param name="EffectiveFrom">UTC, not in the past; null for now.</param>
    public sealed record Command(string RegionCode, DirectJudgementCondition Condition, RiskLevel Level, bool IsEnabled = true, DateTimeOffset? EffectiveFrom = null);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.RegionCode)
                .Must(code => RegionCodes.IsValid(code) && RegionCodes.LevelOf(code) != RegionLevel.County)
                .WithMessage(_ => CoreText.Get("Risk.DirectJudgement.Region"));
            RuleFor(c => c.Condition).IsInEnum().WithMessage(_ => CoreText.Get("Risk.DirectJudgement.Condition"));
            RuleFor(c => c.Level)
                .Must(l => Enum.IsDefined(l) && l != RiskLevel.Low)
                .WithMessage(_ => CoreText.Get("Risk.DirectJudgement.Level"));
            RuleFor(c => c.EffectiveFrom).WithinWorld();
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <summary>Adds the next version for the region and condition and returns its id.</summary>
        /// <exception cref="ValidationException">A field is malformed, the region lies outside the actor's, or the version is backdated.</exception>
        /// <exception cref="DomainRuleException">The actor is not a regulator who may issue rules.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            if (!(actor.Is(Roles.Admin) || actor.Is(Roles.ProvinceStaff) || actor.Is(Roles.CityReviewer)))
            {
                throw new ForbiddenException(CoreText.Get("Risk.DirectJudgement.NotAllowed"));
            }

            await _validator.ValidateAndThrowAsync(command, cancellationToken);

            // A city reviewer's scope covers only its own city: the province's rule and other cities' are outside it.
            if (!actor.Scope.CoversRegion(command.RegionCode))
            {
                throw Refusal(nameof(Command.RegionCode), "Risk.DirectJudgement.OutsideRegion");
            }

            var now = clock.GetUtcNow();
            var effectiveFrom = (command.EffectiveFrom ?? now).ToUniversalTime();
            if (effectiveFrom < now)
            {
                throw Refusal(nameof(Command.EffectiveFrom), "Risk.DirectJudgement.Backdated");
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Regions.AnyAsync(r => r.Code == command.RegionCode, cancellationToken))
            {
                throw Refusal(nameof(Command.RegionCode), "Risk.DirectJudgement.Region");
            }

            var version = 1 + (await db.DirectJudgementRules
                .Where(r => r.RegionCode == command.RegionCode && r.Condition == command.Condition)
                .MaxAsync(r => (int?)r.Version, cancellationToken) ?? 0);
            var rule = DirectJudgementRule.Create(
                command.RegionCode, command.Condition, version, command.Level, command.IsEnabled, effectiveFrom, actor.Scope.UserName ?? "", now);
            db.DirectJudgementRules.Add(rule);
            await db.SaveChangesAsync(cancellationToken);
            return rule.Id;
        }

        private static ValidationException Refusal(string field, string key) =>
            new([new ValidationFailure(field, CoreText.Get(key))]);
    }
}
