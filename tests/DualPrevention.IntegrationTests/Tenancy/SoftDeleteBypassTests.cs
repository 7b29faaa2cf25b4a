using DualPrevention.Core.Data;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Tenancy;

/// <summary>
/// Every IgnoreQueryFilters in src names the soft-delete filter only; this proves that doing so keeps the tenant
/// filter, on the owner connection (no row-level security), for each entity the use cases read that way.
/// </summary>
public class SoftDeleteBypassTests(InspectedDemoDatabase database) : IClassFixture<InspectedDemoDatabase>
{
    [Fact]
    public async Task Reading_deleted_rows_too_still_shows_no_other_enterprises_rows()
    {
        await using var qingdao = database.OwnerContext(TenantScope.ForEnterprise(database.Qd1));
        await using var weifang = database.OwnerContext(TenantScope.ForEnterprise(database.Wf1));

        (await qingdao.InspectionTaskDefinitions.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly).CountAsync()).ShouldBeGreaterThan(0, "the fixture has Qingdao rows");
        (await weifang.RiskAnalysisObjects.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly).CountAsync(o => o.EnterpriseId == database.Qd1)).ShouldBe(0);
        (await weifang.RiskAnalysisUnits.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly).CountAsync(u => u.EnterpriseId == database.Qd1)).ShouldBe(0);
        (await weifang.RiskEvents.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly).CountAsync(e => e.EnterpriseId == database.Qd1)).ShouldBe(0);
        (await weifang.ControlMeasures.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly).CountAsync(m => m.EnterpriseId == database.Qd1)).ShouldBe(0);
        (await weifang.InspectionTaskDefinitions.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly).CountAsync(d => d.EnterpriseId == database.Qd1)).ShouldBe(0);
        (await weifang.HiddenDangers.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly).CountAsync(h => h.EnterpriseId == database.Qd1)).ShouldBe(0);
    }
}
