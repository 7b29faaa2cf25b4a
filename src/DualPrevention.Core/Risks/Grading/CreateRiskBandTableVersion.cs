using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Regions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Grading;

/// <summary>
/// Province staff or an administrator issues a new version of a band table for the province or one of its cities
/// (docs/domain/dual-prevention.md#43-ls-bands: bands vary by region and must change without a release). The version
/// applies to assessments made from its effective time on; earlier assessments keep the table they were made with.
/// </summary>
public static class CreateRiskBandTableVersion
{
    /// <param name="RegionCode">The province (PP0000) or a city (PPCC00).</param>
    /// <param name="Bands">Bands for 重大, 较大 and 一般; a score in none is 低.</param>
    /// <param name="EffectiveFrom">UTC, not in the past; null for now.</param>
    public sealed record Command(string RegionCode, AssessmentMethod Method, IReadOnlyList<RiskBand> Bands, DateTimeOffset? EffectiveFrom = null);

    /// <summary>Bands must rise strictly with the level, each level at most once, and 低 is the remainder.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.RegionCode)
                .Must(code => RegionCodes.IsValid(code) && RegionCodes.LevelOf(code) != RegionLevel.County)
                .WithMessage(_ => CoreText.Get("Risk.BandTable.Region"));
            RuleFor(c => c.Method).IsInEnum();
            RuleFor(c => c.EffectiveFrom).WithinWorld();
            RuleFor(c => c.Bands).NotEmpty().WithMessage(_ => CoreText.Get("Risk.BandTable.Empty"));
            RuleForEach(c => c.Bands).NotNull().WithMessage(_ => CoreText.Get("Risk.BandTable.BandMissing")).ChildRules(band =>
            {
                band.RuleFor(b => b.Level).Must(l => Enum.IsDefined(l) && l != RiskLevel.Low).WithMessage(_ => CoreText.Get("Risk.BandTable.LowImplicit"));
                band.RuleFor(b => b.Min).GreaterThan(0m).LessThanOrEqualTo(RiskGrading.HighestScore)
                    .WithMessage(_ => CoreText.Get("Risk.BandTable.Positive", RiskGrading.HighestScore));
            });
            RuleFor(c => c.Bands)
                .Must(bands => bands.Select(b => b.Level).Distinct().Count() == bands.Count)
                .When(c => c.Bands is not null && c.Bands.All(b => b is not null))
                .WithMessage(_ => CoreText.Get("Risk.BandTable.LevelsUnique"));
            RuleFor(c => c.Bands)
                .Must(StrictlyDescending)
                .When(c => c.Bands is not null && c.Bands.All(b => b is not null))
                .WithMessage(_ => CoreText.Get("Risk.BandTable.Descending"));
        }

        /// <summary>Taken highest level first, each band starts strictly above the next one.</summary>
        public static bool StrictlyDescending(IReadOnlyList<RiskBand> bands)
        {
            var ordered = bands.OrderBy(b => b.Level).ToList();
            return ordered.Zip(ordered.Skip(1)).All(pair => pair.First.Min > pair.Second.Min);
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <summary>Adds the next version for the region and method and returns its id.</summary>
        /// <exception cref="ValidationException">The bands are malformed.</exception>
        /// <exception cref="DomainRuleException">Not province staff or an administrator of this region, or backdated.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            if (!(actor.Is(Roles.Admin) || actor.Is(Roles.ProvinceStaff)) || !actor.Scope.CoversRegion(command.RegionCode))
            {
                throw new ForbiddenException(CoreText.Get("Risk.BandTable.NotAllowed"));
            }

            var now = clock.GetUtcNow();
            var effectiveFrom = command.EffectiveFrom ?? now;
            if (effectiveFrom < now)
            {
                throw new DomainRuleException(CoreText.Get("Risk.BandTable.Backdated"));
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Regions.AnyAsync(r => r.Code == command.RegionCode, cancellationToken))
            {
                throw new DomainRuleException(CoreText.Get("Risk.BandTable.Region"));
            }

            var version = 1 + (await db.RiskBandTables
                .Where(t => t.RegionCode == command.RegionCode && t.Method == command.Method)
                .MaxAsync(t => (int?)t.Version, cancellationToken) ?? 0);
            var table = RiskBandTable.Create(Guid.CreateVersion7(), command.RegionCode, command.Method, version, effectiveFrom.ToUniversalTime(), command.Bands);
            db.RiskBandTables.Add(table);
            await db.SaveChangesAsync(cancellationToken);
            return table.Id;
        }
    }
}
