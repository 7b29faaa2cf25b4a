using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.Core.MajorHazards;

/// <summary>An enterprise adds a substance outside Table 1 to its catalogue, with its hazard classes (ADR 0047).</summary>
public static class AddHazardousChemical
{
    public sealed class Validator : AbstractValidator<HazardousChemicalDetails>
    {
        public Validator()
        {
            RuleFor(d => d.NameZh).NotEmpty().WithMessage(_ => CoreText.Get("MajorHazards.Chemical.NameRequired")).MaximumLength(HazardousChemicalLimits.NameLength);
            RuleFor(d => d.NameEn).MaximumLength(HazardousChemicalLimits.NameLength);
            RuleFor(d => d.Cas).Matches(@"^\d{2,7}-\d{2}-\d$").When(d => !string.IsNullOrWhiteSpace(d.Cas))
                .WithMessage(_ => CoreText.Get("MajorHazards.Chemical.CasFormat"));
            RuleFor(d => d.HazardClasses).NotEmpty().WithMessage(_ => CoreText.Get("MajorHazards.Chemical.ClassRequired"));
            RuleForEach(d => d.HazardClasses).IsInEnum();
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the enterprise already has a substance of this name.</exception>
        public async Task<Guid> HandleAsync(Actor actor, HazardousChemicalDetails details, CancellationToken cancellationToken)
        {
            var enterpriseId = RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(details, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
            var chemical = HazardousChemical.Added(enterpriseId, regionCode, details, clock.GetUtcNow());
            db.HazardousChemicals.Add(chemical);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw new DomainRuleException(CoreText.Get("Risk.Duplicate", details.NameZh.Trim()), ex);
            }

            return chemical.Id;
        }
    }
}
