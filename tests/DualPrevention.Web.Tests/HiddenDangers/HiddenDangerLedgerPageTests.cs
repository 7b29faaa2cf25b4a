using System.Net;

namespace DualPrevention.Web.Tests.HiddenDangers;

public class HiddenDangerLedgerPageTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_ledger_pages_open_for_their_roles_and_refuse_the_others()
    {
        var admin = await web.CookieClientAsync("demo-qd1-admin");
        var inspector = await web.CookieClientAsync("demo-qd1-inspector");
        var reviewer = await web.CookieClientAsync("qingdao");
        var province = await web.CookieClientAsync("province");

        (await admin.GetAsync("/hidden-dangers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/hidden-dangers/import")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await inspector.GetAsync("/hidden-dangers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await inspector.GetAsync("/hidden-dangers/import")).Headers.Location!.ToString().ShouldContain("/account/access-denied");
        (await admin.GetAsync("/supervision/city")).Headers.Location!.ToString().ShouldContain("/account/access-denied");
        (await reviewer.GetAsync("/supervision/city")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reviewer.GetAsync("/supervision/province")).Headers.Location!.ToString().ShouldContain("/account/access-denied");
        (await province.GetAsync("/supervision/province")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_province_page_offers_all_open_major_hidden_dangers_as_a_switch_labelled_in_Chinese()
    {
        var page = await (await web.CookieClientAsync("province")).GetStringAsync("/supervision/province");

        page.ShouldContain("data-testid=\"supervision-all-major\"");
        page.ShouldContain("同时显示全部未销号重大隐患");
    }
}
