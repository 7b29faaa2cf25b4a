using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Reports;

/// <summary>Which region a report or dashboard may cover for a tenant scope.</summary>
internal static class ReportRegion
{
    /// <summary>
    /// The region a report covers: the requested code when it lies inside the scope, else the scope's own region (an
    /// enterprise user's county). An enterprise user may name only its own county: a city or province report of one
    /// enterprise would label that enterprise's figures "青岛市 合计", as if they were the city's.
    /// </summary>
    /// <exception cref="DomainRuleException">The code is not six digits, or the system scope named no region.</exception>
    /// <exception cref="NotFoundException">The region is unknown or outside the scope.</exception>
    public static async Task<string> ResolveAsync(DualPreventionDbContext db, TenantScope scope, string? requested, CancellationToken cancellationToken)
    {
        if (requested is null)
        {
            return scope.Kind switch
            {
                TenantScopeKind.Region => scope.RegionCode!,
                TenantScopeKind.Enterprise => await db.Enterprises.Where(e => e.Id == scope.EnterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken),
                _ => throw new DomainRuleException(CoreText.Get("Reports.RegionRequired")),
            };
        }

        if (!RegionCodes.IsValid(requested))
        {
            throw new DomainRuleException(CoreText.Get("Reports.RegionInvalid", requested));
        }

        var inScope = scope.Kind == TenantScopeKind.Enterprise
            ? await db.Enterprises.AnyAsync(e => e.Id == scope.EnterpriseId && e.RegionCode == requested, cancellationToken)
            : scope.CoversRegion(requested);
        if (!inScope || !await db.Regions.AnyAsync(r => r.Code == requested, cancellationToken))
        {
            throw new NotFoundException(CoreText.Get("Reports.RegionNotFound", requested));
        }

        return requested;
    }
}
