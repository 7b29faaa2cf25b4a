using DualPrevention.Core.Imports;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using DualPrevention.Testing.Workbooks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Imports;

/// <summary>
/// The importer reads soft-deleted rows too (IgnoreQueryFilters on the soft-delete filter only): it must still never
/// see another tenant's rows, deleted or not, even when asked for that tenant's id.
/// </summary>
public class ExistingRegisterTenancyTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Loading_the_existing_register_sees_deleted_rows_of_its_own_enterprise_only()
    {
        (await Importer.RunAsync(database, database.Qd1, RegisterWorkbook.OneEvent(3).Build(), commit: true)).Committed.ShouldBeTrue();
        await using (var owner = database.OwnerContext(TenantScope.System))
        {
            var measure = await owner.ControlMeasures.FirstAsync(m => m.EnterpriseId == database.Qd1);
            measure.SoftDelete(database.Clock.GetUtcNow());
            await owner.SaveChangesAsync();
        }

        await using var own = database.AppContext(TenantScope.ForEnterprise(database.Qd1));
        await using var foreign = database.AppContext(TenantScope.ForEnterprise(database.Qd2));
        await using var foreignWithoutRls = database.OwnerContext(TenantScope.ForEnterprise(database.Qd2));

        var mine = await ExistingRegister.LoadAsync(own, database.Qd1, CancellationToken.None);
        var theirs = await ExistingRegister.LoadAsync(foreign, database.Qd1, CancellationToken.None);
        var theirsByFilterAlone = await ExistingRegister.LoadAsync(foreignWithoutRls, database.Qd1, CancellationToken.None);

        mine.Measures.Count.ShouldBe(3);
        mine.Measures.Count(m => m.IsDeleted).ShouldBe(1);
        theirs.Objects.ShouldBeEmpty();
        theirs.Measures.ShouldBeEmpty();
        theirsByFilterAlone.Objects.ShouldBeEmpty();
        theirsByFilterAlone.Measures.ShouldBeEmpty();
    }
}
