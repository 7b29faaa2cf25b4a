using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.IntegrationTests.Risks.Register;
using DualPrevention.Testing;

namespace DualPrevention.IntegrationTests.Accounts;

public class AccountProfileTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task An_enterprise_admin_creates_a_member_with_department_and_post_and_changes_them_later()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        var account = new NewAccount { UserName = "demo-qd1-fitter", DisplayName = "操作工", InitialPassword = "Start@2026", Department = "一车间", Post = "巡检岗" };

        var id = await driver.RunAsync<CreateAccount.Handler, Guid>(admin, h => h.HandleAsync(admin, new(account, Roles.Inspector, database.Qd1, null), default));
        var created = await RowAsync(driver, admin, id);
        await driver.RunAsync<UpdateAccountProfile.Handler>(admin, h => h.HandleAsync(admin, new(id, "二车间", " "), default));
        var changed = await RowAsync(driver, admin, id);

        (created.Department, created.Post).ShouldBe(("一车间", "巡检岗"));
        (changed.Department, changed.Post).ShouldBe(("二车间", (string?)null));
    }

    [Fact]
    public async Task Another_enterprises_admin_cannot_change_the_profile()
    {
        await using var driver = new RegisterDriver(database);
        var wf1 = RegisterDriver.EnterpriseUser(database.Wf1);
        var qd1Inspector = (await driver.RunAsync<ListAccounts.Handler, Paged<ListAccounts.Row>>(
            RegisterDriver.EnterpriseUser(database.Qd1), h => h.HandleAsync(RegisterDriver.EnterpriseUser(database.Qd1), new("demo-qd1-inspector"), default))).Items.Single().Id;

        await Should.ThrowAsync<NotFoundException>(() => driver.RunAsync<UpdateAccountProfile.Handler>(wf1, h => h.HandleAsync(wf1, new(qd1Inspector, "劫持", null), default)));
    }

    private static async Task<ListAccounts.Row> RowAsync(RegisterDriver driver, Actor admin, Guid id) =>
        (await driver.RunAsync<ListAccounts.Handler, Paged<ListAccounts.Row>>(admin, h => h.HandleAsync(admin, new(PageSize: 200), default))).Items.Single(r => r.Id == id);
}
