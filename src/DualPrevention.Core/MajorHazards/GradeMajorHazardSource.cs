using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Risks.Register;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.MajorHazards;

/// <summary>
/// Identifies and grades a major hazard source from its unit's substances (GB 18218-2018, ADR 0047) and keeps the
/// calculation as an immutable snapshot. A major hazard source takes the level and R; a changed level re-grades the
/// linked units' events as a typed level does (ADR 0033). Below S = 1 the snapshot says so and the source keeps the
/// level it had: whether to remove it from the register is the enterprise's decision.
/// </summary>
public static class GradeMajorHazardSource
{
    public sealed record Command(Guid SourceId, BetaChoice BetaChoice = BetaChoice.Largest);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No live source with this id in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, the unit is not described, or a substance's Q or β cannot be found.</exception>
        public async Task<MajorHazardCalculation> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = RiskRegisterPermissions.EnsureCanEdit(actor);
            if (!Enum.IsDefined(command.BetaChoice))
            {
                throw new DomainRuleException(CoreText.Get("MajorHazards.BetaChoice.Unknown"));
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var source = await db.MajorHazardSources.FirstOrDefaultAsync(m => m.Id == command.SourceId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("MajorHazards.Source.NotFound"));
            var lines = await (
                from s in db.MajorHazardSubstances
                join c in db.HazardousChemicals on s.ChemicalId equals c.Id
                where s.MajorHazardSourceId == source.Id
                orderby s.Seq
                select new { Substance = s, Chemical = c }).ToListAsync(cancellationToken);
            if (source.Population500m is not { } population || lines.Count == 0)
            {
                throw new DomainRuleException(CoreText.Get("MajorHazards.Substances.Required"));
            }

            var inputs = lines.Select(l => new SubstanceQuantity(
                l.Chemical.Facts(), l.Substance.DesignMaxQuantity, l.Substance.BetaClass,
                l.Substance.MixtureClassSymbols.Length == 0 ? null : [.. l.Substance.MixtureClassSymbols.Select(HazardClasses.Parse).OfType<HazardClass>()])).ToList();
            var result = MajorHazardStandard.Identify(inputs, population, command.BetaChoice);
            if (result.RValue > MajorHazardSourceDetailsValidator.MaximumRValue)
            {
                throw new DomainRuleException(CoreText.Get("MajorHazard.RValue.Range"));
            }

            var now = clock.GetUtcNow();
            var calculation = MajorHazardCalculation.Of(
                enterpriseId, source.RegionCode, source.Id, source.UnitType, result,
                [.. result.Lines.Select((line, i) => (line, lines[i].Chemical.Id, lines[i].Chemical.NameZh, lines[i].Chemical.NameEn))],
                actor.Scope.UserId, await AccountNames.OfAsync(db, actor, cancellationToken), now);
            db.MajorHazardCalculations.Add(calculation);
            if (result is { IsMajorHazard: true, Level: { } level, RValue: { } r })
            {
                var levelBefore = source.Level;
                source.Graded(level, r, now);
                if (level != levelBefore)
                {
                    await DirectJudgementRegrading.SourceGradedAsync(db, source, RiskRegisterPermissions.AssessorName(actor), now, cancellationToken);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return calculation;
        }
    }
}
