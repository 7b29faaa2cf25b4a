using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Enterprises;

/// <summary>A city reviewer of the enterprise's city, or the enterprise's own administrator, corrects its facts.</summary>
public static class UpdateEnterprise
{
    /// <param name="Version">The <see cref="Enterprise.Version"/> the editor started from.</param>
    public sealed record Command(Guid EnterpriseId, EnterpriseDetails Details, uint Version);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IValidator<EnterpriseDetails> validator, TimeProvider clock)
    {
        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="NotFoundException">Not visible in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">Not allowed, moved outside the reviewer's city, a code is taken, or someone saved first.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            if (command.Details is null)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Command.Details), CoreText.Get("Enterprise.Name.Required"))]);
            }

            await validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == command.EnterpriseId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Enterprise.NotFound"));
            if (!actor.Is(Roles.EnterpriseAdmin) && !actor.Is(Roles.CityReviewer))
            {
                throw new ForbiddenException(CoreText.Get("Enterprise.EditNotAllowed"));
            }

            if (actor.Is(Roles.CityReviewer) && !actor.Scope.CoversRegion(command.Details.RegionCode))
            {
                throw new DomainRuleException(CoreText.Get("Enterprise.OutsideRegion"));
            }

            // Identity, location, status and the major-hazard flag are regulatory facts: the enterprise may not change them itself.
            if (!actor.Is(Roles.CityReviewer) && ChangesRegulatedFacts(enterprise.ToDetails(), command.Details))
            {
                throw new ForbiddenException(CoreText.Get("Enterprise.RegulatedFields"));
            }

            await EnterpriseRules.EnsureConsistentAsync(db, command.Details, cancellationToken);
            db.Entry(enterprise).Property(e => e.Version).OriginalValue = command.Version;
            enterprise.Update(command.Details, clock.GetUtcNow());
            try
            {
                await EnterpriseRules.SaveAsync(db, enterprise, cancellationToken);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                throw new DomainRuleException(CoreText.Get("Enterprise.Concurrency"), ex);
            }
        }

        private static bool ChangesRegulatedFacts(EnterpriseDetails current, EnterpriseDetails requested) =>
            current.UnifiedSocialCreditCode != requested.UnifiedSocialCreditCode.Trim()
            || current.RegistryEnterpriseCode != (string.IsNullOrWhiteSpace(requested.RegistryEnterpriseCode) ? null : requested.RegistryEnterpriseCode.Trim())
            || current.RegionCode != requested.RegionCode
            || current.Status != requested.Status
            || current.IsMajorHazardEnterprise != requested.IsMajorHazardEnterprise;
    }
}
