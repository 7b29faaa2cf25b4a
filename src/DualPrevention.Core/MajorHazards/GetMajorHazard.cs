using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.MajorHazards;

/// <summary>One major hazard source with its unit, its substances as the catalogue has them, and every calculation, newest first.</summary>
public static class GetMajorHazard
{
    /// <param name="HazardClasses">The substance's Table 2 symbols.</param>
    /// <param name="ThresholdQuantity">Table 1's Q, or null (Table 2 by class).</param>
    public sealed record Substance(
        Guid ChemicalId, string? Cas, string NameZh, string NameEn, IReadOnlyList<string> HazardClasses, decimal? ThresholdQuantity, decimal? NamedBeta,
        decimal DesignMaxQuantity, HazardClass? BetaClass, IReadOnlyList<string> MixtureClasses);

    public sealed record Calculation(
        Guid Id, string StandardVersion, MajorHazardUnitType? UnitType, int Population500m, decimal Alpha, BetaChoice BetaChoice,
        IReadOnlyList<CalculationLine> Lines, decimal SValue, bool IsMajorHazard, decimal? RValue, MajorHazardLevel? Level,
        DateTimeOffset CalculatedAt, string CalculatedByName);

    /// <param name="Calculations">Every snapshot, newest first; the first is the latest.</param>
    public sealed record View(
        Guid Id, Guid EnterpriseId, string HazardCode, string Name, MajorHazardLevel Level, decimal? RValue, MajorHazardUnitType? UnitType,
        int? Population500m, IReadOnlyList<Substance> Substances, IReadOnlyList<Calculation> Calculations)
    {
        public Calculation? Latest => Calculations.Count > 0 ? Calculations[0] : null;
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No live source with this id in the caller's scope.</exception>
        public async Task<View> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var source = await db.MajorHazardSources.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("MajorHazards.Source.NotFound"));
            var substances = await (
                from s in db.MajorHazardSubstances
                join c in db.HazardousChemicals on s.ChemicalId equals c.Id
                where s.MajorHazardSourceId == id
                orderby s.Seq
                select new Substance(c.Id, c.Cas, c.NameZh, c.NameEn, c.HazardClassSymbols, c.ThresholdQuantity, c.NamedBeta, s.DesignMaxQuantity, s.BetaClass, s.MixtureClassSymbols))
                .AsNoTracking().ToListAsync(cancellationToken);
            var calculations = await db.MajorHazardCalculations.AsNoTracking()
                .Where(c => c.MajorHazardSourceId == id)
                .OrderByDescending(c => c.CalculatedAt).ThenByDescending(c => c.Id)
                .ToListAsync(cancellationToken);
            return new View(
                source.Id, source.EnterpriseId, source.HazardCode, source.Name, source.Level, source.RValue, source.UnitType, source.Population500m, substances,
                [.. calculations.Select(c => new Calculation(
                    c.Id, c.StandardVersion, c.UnitType, c.Population500m, c.Alpha, c.BetaChoice, c.Lines, c.SValue, c.IsMajorHazard, c.RValue, c.Level,
                    c.CalculatedAt, c.CalculatedByName))]);
        }
    }
}
