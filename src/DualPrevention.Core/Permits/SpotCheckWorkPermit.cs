using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>
/// 在线抽查 (online spot check, ADR 0045): a city bureau opens a permit of its city that is in progress (or suspended) and
/// records what it found. The finding becomes a hidden danger of the enterprise through the bureau's own report
/// (<see cref="ReportHiddenDangerAsRegulator"/>: straight to the enterprise's confirmation, its confirmers notified,
/// the insert audited), its inspection id <c>SC-</c> plus the permit's number so the permit lists its findings.
/// </summary>
public static class SpotCheckWorkPermit
{
    /// <summary>Prefix of the inspection id a spot check files its hidden danger under.</summary>
    public const string EnforcementPrefix = "SC-";

    /// <param name="Finding">What the bureau saw (≤ 1000).</param>
    /// <param name="Level">The finding's severity: a general or a major hidden danger.</param>
    /// <param name="MajorReason">Why it is major; required for a major one.</param>
    public sealed record Command(Guid PermitId, string Finding, HiddenDangerLevel Level, string? MajorReason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Finding).NotEmpty().WithMessage(_ => CoreText.Get("Permit.SpotCheck.FindingRequired")).MaximumLength(PermitLimits.TextLength);
            RuleFor(c => c.Level).IsInEnum();
            RuleFor(c => c.MajorReason).NotEmpty().When(c => c.Level == HiddenDangerLevel.Major).WithMessage(_ => CoreText.Get("Permit.SpotCheck.MajorReasonRequired"))
                .MaximumLength(PermitLimits.TextLength);
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, ReportHiddenDangerAsRegulator.Handler report)
    {
        private readonly Validator _validator = new();

        /// <summary>Returns the hidden danger's id.</summary>
        /// <exception cref="ValidationException">The finding is missing, too long, or a major one lacks its reason.</exception>
        /// <exception cref="NotFoundException">No such permit in the bureau's region.</exception>
        /// <exception cref="DomainRuleException">The caller is no city reviewer, or the permit's work is not in progress.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            if (actor.Scope.Kind != TenantScopeKind.Region || !actor.Is(Roles.CityReviewer))
            {
                throw new ForbiddenException(CoreText.Get("Permit.SpotCheck.CityReviewersOnly"));
            }

            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var permit = await db.Set<WorkPermit>().AsNoTracking().Where(p => p.Id == command.PermitId)
                .Select(p => new { p.EnterpriseId, p.Number, p.Status, p.LocationText })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Permit.NotFound"));
            if (permit.Status is not (WorkPermitStatus.InProgress or WorkPermitStatus.Suspended))
            {
                throw new DomainRuleException(CoreText.Get("Permit.SpotCheck.NotInProgress"));
            }

            var finding = command.Finding.Trim();
            var name = CoreText.Get("Permit.SpotCheck.HiddenDangerName", permit.Number, finding);
            var hiddenDanger = new HiddenDangerReport(
                name.Length > 300 ? name[..300] : name,
                finding,
                command.Level,
                InspectionSource.Other,
                permit.LocationText,
                null,
                command.Level == HiddenDangerLevel.Major ? new MajorGrading(null, command.MajorReason!.Trim()) : null);
            return await report.HandleAsync(actor, new ReportHiddenDangerAsRegulator.Command(permit.EnterpriseId, EnforcementPrefix + permit.Number, hiddenDanger), cancellationToken);
        }
    }
}

/// <summary>The findings a bureau's spot checks recorded on one permit (<see cref="SpotCheckWorkPermit"/>), newest first; whoever may read the permit may read them.</summary>
public static class ListPermitSpotChecks
{
    public sealed record Finding(Guid HiddenDangerId, string Number, string Name, HiddenDangerLevel Level, HiddenDangerState State, string ReportedByName, DateTimeOffset ReportedAt);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No such permit in the reader's scope.</exception>
        public async Task<IReadOnlyList<Finding>> HandleAsync(Guid permitId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var permit = await db.Set<WorkPermit>().AsNoTracking().Where(p => p.Id == permitId).Select(p => new { p.EnterpriseId, p.Number })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Permit.NotFound"));
            var id = SpotCheckWorkPermit.EnforcementPrefix + permit.Number;
            return await db.HiddenDangers.AsNoTracking()
                .Where(h => h.EnterpriseId == permit.EnterpriseId && h.Origin == HiddenDangerOrigin.RegulatorInspection && h.EnforcementId == id)
                .OrderByDescending(h => h.ReportedAt).ThenBy(h => h.Id)
                .Select(h => new Finding(h.Id, h.Number, h.Name, h.Level, h.State, h.ReportedByName, h.ReportedAt))
                .ToListAsync(cancellationToken);
        }
    }
}
