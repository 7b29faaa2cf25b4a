using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Tenancy;

/// <summary>The name the app bar shows for the caller's scope: the enterprise's name or the region's.</summary>
public static class DescribeScope
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <summary>The scope's display name, or "" when there is none.</summary>
        public async Task<string> HandleAsync(CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var scope = db.Scope;
            return scope.Kind switch
            {
                TenantScopeKind.Enterprise => await db.Enterprises.Where(e => e.Id == scope.EnterpriseId).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken) ?? "",
                TenantScopeKind.Region => await db.Regions.Where(r => r.Code == scope.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? "",
                TenantScopeKind.System or TenantScopeKind.None => "",
            };
        }
    }
}
