using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// Any staff member reports a hidden danger they found (随手拍); it goes straight to pending confirmation. A major one
/// names its criteria (docs/domain/dual-prevention.md#62-major-hidden-danger-criteria) and its case opens, reported to
/// the bureau at once (docs/domain/dual-prevention.md#71-reporting). The enterprise's confirmers are notified.
/// </summary>
public static class ReportHiddenDanger
{
    public sealed record Command(HiddenDangerReport Report);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, HiddenDangerNotifications notifications)
    {
        private readonly HiddenDangerReportValidator _validator = new();

        /// <summary>Returns the new hidden danger's id.</summary>
        /// <exception cref="ValidationException">A field is missing or too long.</exception>
        /// <exception cref="DomainRuleException">The actor is not enterprise staff, or a major one lacks known criteria or a reason.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            if (actor.Scope is not { Kind: TenantScopeKind.Enterprise, EnterpriseId: { } enterpriseId } || !actor.Roles.Any(Roles.IsEnterpriseRole))
            {
                throw new ForbiddenException(CoreText.Get("HiddenDanger.ReportNotAllowed"));
            }

            await _validator.ValidateAndThrowAsync(command.Report, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await HiddenDangerUnitOfWork.EnsureKnownCriteriaAsync(db, command.Report.Grading, cancellationToken);
            var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
            var reporter = await HiddenDangerUnitOfWork.PersonAsync(db, actor, cancellationToken);
            return await HiddenDangerUnitOfWork.AddReportAsync(
                db, notifications, actor, HiddenDanger.Report(enterpriseId, regionCode, command.Report, HiddenDangerOrigin.SelfReport, null, reporter, clock.GetUtcNow()), cancellationToken);
        }
    }
}
