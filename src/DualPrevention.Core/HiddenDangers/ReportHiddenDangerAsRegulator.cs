using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Tenancy;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// A city reviewer records a hidden danger found by the bureau's inspection (执法检查) at an enterprise of its city,
/// with the inspection's id (exchange <c>enforcementId</c>). It goes straight to the enterprise's confirmation, and the
/// enterprise's confirmers are notified.
/// </summary>
public static class ReportHiddenDangerAsRegulator
{
    public sealed record Command(Guid EnterpriseId, string EnforcementId, HiddenDangerReport Report);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.EnterpriseId).NotEmpty();
            RuleFor(c => c.EnforcementId).NotEmpty().MaximumLength(64);
            RuleFor(c => c.Report).SetValidator(new HiddenDangerReportValidator());
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, HiddenDangerNotifications notifications)
    {
        private readonly Validator _validator = new();

        /// <summary>Returns the new hidden danger's id.</summary>
        /// <exception cref="ValidationException">A field is missing or too long.</exception>
        /// <exception cref="NotFoundException">The enterprise is not in the reviewer's city.</exception>
        /// <exception cref="DomainRuleException">The actor is no city reviewer, or a major one lacks known criteria or a reason.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            if (actor.Scope is not { Kind: TenantScopeKind.Region, RegionCode: { } region } || !actor.Is(Roles.CityReviewer) || RegionCodes.LevelOf(region) != RegionLevel.City)
            {
                throw new ForbiddenException(CoreText.Get("HiddenDanger.RegulatorReportNotAllowed"));
            }

            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var regionCode = await db.Enterprises.Where(e => e.Id == command.EnterpriseId).Select(e => e.RegionCode).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Enterprise.NotFound"));
            await HiddenDangerUnitOfWork.EnsureKnownCriteriaAsync(db, command.Report.Grading, cancellationToken);
            var reporter = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            return await HiddenDangerUnitOfWork.AddReportAsync(
                db, notifications, actor, HiddenDanger.Report(command.EnterpriseId, regionCode, command.Report, HiddenDangerOrigin.RegulatorInspection, command.EnforcementId, reporter, clock.GetUtcNow()), cancellationToken);
        }
    }
}
