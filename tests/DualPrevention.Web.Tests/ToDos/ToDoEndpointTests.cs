using DualPrevention.Testing;

namespace DualPrevention.Web.Tests.ToDos;

/// <summary><c>GET /api/v1/me/to-dos</c> and the to-do centre show the caller's own items, never another enterprise's.</summary>
public class ToDoEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task A_rectifier_sees_their_item_in_the_api_and_on_the_page_and_another_enterprise_sees_neither()
    {
        var inspector = await UserIdAsync("demo-qd1-inspector");
        var own = await ForcedHiddenDanger.Of(web.Qd1).Named("待办测试：消防栓漏水").DueOn(new DateOnly(2027, 3, 10)).RectifiedBy(inspector).SaveAsync(web);
        var foreign = await ForcedHiddenDanger.Of(web.Wf1).Named("待办测试：潍坊的隐患").DueOn(new DateOnly(2027, 3, 10)).SaveAsync(web);

        var mine = await (await web.ApiClientAsync("demo-qd1-inspector")).GetStringAsync("/api/v1/me/to-dos");
        var theirs = await (await web.ApiClientAsync("demo-wf1-admin")).GetStringAsync("/api/v1/me/to-dos");
        var page = await (await web.CookieClientAsync("demo-qd1-inspector")).GetStringAsync("/to-dos");
        var theirPage = await (await web.CookieClientAsync("demo-wf1-admin")).GetStringAsync("/to-dos");

        mine.ShouldContain(own.ToString());
        mine.ShouldNotContain(foreign.ToString());
        theirs.ShouldNotContain(own.ToString());
        page.ShouldContain("待办测试：消防栓漏水");
        page.ShouldContain($"hidden-dangers/{own}");
        theirPage.ShouldNotContain("待办测试：消防栓漏水");
    }

    private async Task<Guid> UserIdAsync(string userName)
    {
        await using var db = web.OwnerContext(Core.Tenancy.TenantScope.System);
        return db.Users.Single(u => u.UserName == userName).Id;
    }
}
