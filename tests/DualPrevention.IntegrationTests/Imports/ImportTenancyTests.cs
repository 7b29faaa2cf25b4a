using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using DualPrevention.Testing.Workbooks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Imports;

public class ImportTenancyTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Rows_imported_by_one_enterprise_are_invisible_to_another_and_visible_to_its_city()
    {
        var result = await Importer.RunAsync(database, database.Qd1, RegisterWorkbook.OneEvent(3).Build(), commit: true);
        result.Committed.ShouldBeTrue(Importer.Describe(result));

        await using var other = database.AppContext(TenantScope.ForEnterprise(database.Qd2));
        await using var weifang = database.AppContext(TenantScope.ForRegion("370700"));
        await using var qingdao = database.AppContext(TenantScope.ForRegion("370200"));

        (await other.ControlMeasures.CountAsync()).ShouldBe(0);
        (await other.RiskAnalysisObjects.CountAsync()).ShouldBe(0);
        (await other.ImportRuns.CountAsync()).ShouldBe(0);
        (await weifang.ControlMeasures.CountAsync(m => m.EnterpriseId == database.Qd1)).ShouldBe(0);
        (await qingdao.ControlMeasures.CountAsync(m => m.EnterpriseId == database.Qd1)).ShouldBe(3);
    }

    [Fact]
    public async Task The_same_list_imported_by_two_enterprises_gives_each_its_own_register()
    {
        var file = RegisterWorkbook.OneEvent(2).Build();

        var mine = await Importer.RunAsync(database, database.Wf1, file, commit: true);
        var preview = await Importer.RunAsync(database, database.Qd2, file, commit: false);

        mine.Committed.ShouldBeTrue();
        (preview.Objects.New, preview.Measures.New, preview.Measures.NotInFile).ShouldBe((1, 2, 0));
    }
}
