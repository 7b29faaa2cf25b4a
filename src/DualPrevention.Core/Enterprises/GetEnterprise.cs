using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Enterprises;

/// <summary>One enterprise as its detail page shows it.</summary>
public static class GetEnterprise
{
    /// <summary>The enterprise with its county, city and park names and head-counts.</summary>
    public sealed record EnterpriseView(
        Guid Id, string ShortCode, EnterpriseDetails Details, string CountyName, string CityName, string? ParkName,
        int StaffCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No such enterprise in the caller's scope.</exception>
        public async Task<EnterpriseView> HandleAsync(Guid enterpriseId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Enterprise.NotFound"));
            var cityCode = RegionCodes.CityOf(enterprise.RegionCode);
            var names = await db.Regions.AsNoTracking()
                .Where(r => r.Code == enterprise.RegionCode || r.Code == cityCode)
                .ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
            var parkName = enterprise.ChemicalParkId is { } parkId
                ? await db.ChemicalParks.Where(p => p.Id == parkId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken)
                : null;
            var staff = await db.Users.CountAsync(u => u.EnterpriseId == enterpriseId, cancellationToken);
            return new EnterpriseView(
                enterprise.Id, enterprise.ShortCode, enterprise.ToDetails(), names.GetValueOrDefault(enterprise.RegionCode, enterprise.RegionCode),
                names.GetValueOrDefault(cityCode, cityCode), parkName, staff, enterprise.CreatedAt, enterprise.UpdatedAt, enterprise.Version);
        }
    }
}
