using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.Core.Enterprises;

/// <summary>Rules that need the database: the county and park exist, and the codes are unique platform-wide.</summary>
internal static class EnterpriseRules
{
    /// <exception cref="DomainRuleException">The first rule broken, with a message for the user.</exception>
    public static async Task EnsureConsistentAsync(DualPreventionDbContext db, EnterpriseDetails details, CancellationToken cancellationToken)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == details.RegionCode && r.Level == RegionLevel.County, cancellationToken))
        {
            throw new DomainRuleException(CoreText.Get("Enterprise.Region.County"));
        }

        if (details.ChemicalParkId is { } parkId)
        {
            var parkRegion = await db.ChemicalParks.Where(p => p.Id == parkId).Select(p => p.RegionCode).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException(CoreText.Get("Enterprise.Park.Invalid"));
            if (RegionCodes.CityOf(parkRegion) != RegionCodes.CityOf(details.RegionCode))
            {
                throw new DomainRuleException(CoreText.Get("Enterprise.Park.OutsideCity"));
            }
        }
    }

    /// <summary>
    /// Saves, turning a unique-key violation into the message that names the taken code. Uniqueness spans all
    /// tenants, which row-level security hides from the caller, so the database's unique index is the judge.
    /// </summary>
    /// <exception cref="DomainRuleException">A short code, credit code or registry code is taken.</exception>
    public static async Task SaveAsync(DualPreventionDbContext db, Enterprise enterprise, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            var message = unique.ConstraintName switch
            {
                "ix_enterprise_short_code" => CoreText.Get("Enterprise.ShortCode.Taken", enterprise.ShortCode),
                "ck_enterprise_short_code_prefix_free" => CoreText.Get("Enterprise.ShortCode.PrefixClash", enterprise.ShortCode),
                "ix_enterprise_unified_social_credit_code" => CoreText.Get("Enterprise.CreditCode.Taken", enterprise.UnifiedSocialCreditCode),
                "ix_enterprise_registry_enterprise_code" => CoreText.Get("Enterprise.RegistryCode.Taken", enterprise.RegistryEnterpriseCode ?? ""),
                _ => null,
            };
            if (message is null)
            {
                throw;
            }

            throw new DomainRuleException(message, ex);
        }
    }
}
