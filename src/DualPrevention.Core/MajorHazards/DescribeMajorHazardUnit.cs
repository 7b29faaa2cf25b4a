using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.MajorHazards;

/// <summary>
/// An enterprise states what a major hazard source's unit is and holds: production or storage, the people within
/// 500 m, and its substances picked from the catalogue with q (docs/domain/major-hazards.md#10-the-record). The list
/// replaces the previous one; stored calculations keep their own copy.
/// </summary>
public static class DescribeMajorHazardUnit
{
    /// <summary>The most substance lines one unit holds.</summary>
    public const int MaximumSubstances = 50;

    public sealed record Command(Guid SourceId, MajorHazardUnitType UnitType, int Population500m, IReadOnlyList<SubstanceLine> Substances);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UnitType).IsInEnum();
            RuleFor(c => c.Population500m).InclusiveBetween(0, MajorHazardStandard.MaximumPopulation)
                .WithMessage(_ => CoreText.Get("MajorHazards.Population.Range"));
            RuleFor(c => c.Substances).NotEmpty().WithMessage(_ => CoreText.Get("MajorHazards.Substances.Required"))
                .Must(s => s.Count <= MaximumSubstances).WithMessage(_ => CoreText.Get("MajorHazards.Substances.TooMany", MaximumSubstances));
            RuleForEach(c => c.Substances).ChildRules(line =>
            {
                line.RuleFor(l => l.ChemicalId).NotEmpty();
                line.RuleFor(l => l.DesignMaxQuantity).GreaterThan(0m).LessThanOrEqualTo(MajorHazardStandard.MaximumQuantity)
                    .WithMessage(_ => CoreText.Get("MajorHazards.Quantity.Range", ""));
                line.RuleFor(l => l.BetaClass).IsInEnum();
                line.RuleForEach(l => l.MixtureClasses).IsInEnum();
            });
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="NotFoundException">No live source, or a substance not in the caller's catalogue.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var source = await db.MajorHazardSources.FirstOrDefaultAsync(m => m.Id == command.SourceId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("MajorHazards.Source.NotFound"));
            var chemicalIds = command.Substances.Select(s => s.ChemicalId).Distinct().ToList();
            if (await db.HazardousChemicals.CountAsync(c => chemicalIds.Contains(c.Id), cancellationToken) != chemicalIds.Count)
            {
                throw new NotFoundException(CoreText.Get("MajorHazards.Chemical.NotFound"));
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.MajorHazardSubstances.Where(s => s.MajorHazardSourceId == source.Id).ExecuteDeleteAsync(cancellationToken);
            db.MajorHazardSubstances.AddRange(command.Substances.Select((line, i) => MajorHazardSubstance.Of(enterpriseId, source.RegionCode, source.Id, i + 1, line)));
            source.DescribeUnit(command.UnitType, command.Population500m, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
