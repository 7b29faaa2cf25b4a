using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.MajorHazards;

/// <summary>An enterprise registers a major hazard source with its 包保 trio (docs/domain/dual-prevention.md#37-major-hazard-source); the level follows R when R is given.</summary>
public static class CreateMajorHazardSource
{
    public sealed record Command(MajorHazardSourceDetails Details);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly MajorHazardSourceDetailsValidator _validator = new();

        /// <summary>Creates the source and returns its id.</summary>
        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, the code is taken, or a 包保 person is not of the enterprise.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            var details = MajorHazardGrading.WithComputedLevel(command.Details);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await MajorHazardSourceRules.EnsurePersonsOfEnterpriseAsync(db, enterpriseId, details, cancellationToken);
            var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
            var row = MajorHazardSource.Create(enterpriseId, regionCode, details, clock.GetUtcNow());
            db.MajorHazardSources.Add(row);
            await RegisterSaving.SaveAsync(db, details.HazardCode, cancellationToken);
            await AccountabilityAssignment.FollowSourceAsync(db, row.Id, clock.GetUtcNow(), cancellationToken);
            return row.Id;
        }
    }
}
