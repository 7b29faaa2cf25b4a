using System.Net;

namespace DualPrevention.Web.Tests.Reports.Dashboards;

/// <summary>The dashboards prerendered for their roles; other roles refused, another city's region answered 404.</summary>
public class DashboardPageTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_dashboard_link_and_a_city_reviewers_home_lead_each_role_to_its_own_dashboard()
    {
        var qingdao = await web.CookieClientAsync("qingdao");
        var province = await web.CookieClientAsync("province");
        var admin = await web.CookieClientAsync("demo-qd1-admin");

        (await RedirectOf(qingdao, "/dashboard")).ShouldEndWith("/dashboard/city");
        (await RedirectOf(qingdao, "/")).ShouldEndWith("/dashboard/city");
        (await RedirectOf(province, "/dashboard")).ShouldEndWith("/dashboard/province");
        (await RedirectOf(admin, "/dashboard")).ShouldEndWith("/dashboard/enterprise");
        var home = await admin.GetStringAsync("/");
        home.ShouldContain("data-testid=\"home-dashboard\"");
    }

    [Fact]
    public async Task The_city_dashboard_shows_the_reviewers_city_and_never_another_city()
    {
        var qingdao = await web.CookieClientAsync("qingdao");

        var page = await qingdao.GetAsync("/dashboard/city?period=2026-11");
        var foreign = await qingdao.GetAsync("/dashboard/city?period=2026-11&region=370700");
        var foreignCounty = await qingdao.GetAsync("/dashboard/city?period=2026-11&region=370772");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("市级监管看板");
        html.ShouldContain("data-testid=\"kpi-completion\"");
        html.ShouldContain("data-testid=\"ranking\"");
        html.ShouldContain("青岛示范石化有限公司");
        html.ShouldContain("青岛示范化工储运有限公司");
        html.ShouldNotContain("潍坊示范化学有限公司");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await foreign.Content.ReadAsStringAsync()).ShouldNotContain("潍坊示范化学有限公司");
        foreignCounty.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_grades_read_in_the_readers_language()
    {
        var chinese = await web.CookieClientAsync("province");
        var english = await web.CookieClientAsync("province");
        await english.GetAsync("/culture/set?culture=en-US&returnUrl=%2F");
        string inChinese, inEnglish;
        try
        {
            inChinese = await chinese.GetStringAsync("/dashboard/province?period=2026-Q4");
            inEnglish = await english.GetStringAsync("/dashboard/province?period=2026-Q4");
        }
        finally
        {
            // The choice is kept on the account: give it back, so the class's other tests sign in as 省级 in Chinese.
            await english.GetAsync("/culture/set?culture=zh-CN&returnUrl=%2F");
        }

        inChinese.ShouldContain("优 ");
        inEnglish.ShouldContain("Excellent ");
        inEnglish.ShouldContain("Poor ");
        foreach (var grade in new[] { "优", "良", "差" })
        {
            inEnglish.ShouldNotContain($"{grade} ");
        }
    }

    [Fact]
    public async Task The_province_dashboard_compares_the_cities_and_drills_into_one()
    {
        var province = await web.CookieClientAsync("province");

        var html = await province.GetStringAsync("/dashboard/province?period=2026-Q4");
        var weifang = await province.GetStringAsync("/dashboard/city?period=2026-11&region=370700");

        html.ShouldContain("省级监管看板");
        html.ShouldContain("data-testid=\"region-comparison\"");
        html.ShouldContain("dashboard/city?period=2026-Q4&amp;region=370700");
        weifang.ShouldContain("潍坊示范化学有限公司");
        weifang.ShouldNotContain("青岛示范石化有限公司");
        (await RedirectOf(province, "/dashboard/city")).ShouldContain("/dashboard/province");
    }

    [Fact]
    public async Task The_enterprise_dashboard_shows_its_own_enterprise_only()
    {
        var inspector = await web.CookieClientAsync("demo-qd1-inspector");

        var html = await inspector.GetStringAsync("/dashboard/enterprise?period=2026-11");

        html.ShouldContain("企业运行看板");
        html.ShouldContain("青岛示范石化有限公司");
        html.ShouldContain("data-testid=\"open-hidden-dangers\"");
        html.ShouldNotContain("青岛示范化工储运有限公司");
        html.ShouldNotContain("data-testid=\"kpi-enterprises\"");
    }

    [Fact]
    public async Task Each_dashboard_is_rendered_statically_so_an_open_one_keeps_no_circuit()
    {
        var qingdao = await web.CookieClientAsync("qingdao");
        var province = await web.CookieClientAsync("province");
        var inspector = await web.CookieClientAsync("demo-qd1-inspector");
        const string ServerComponent = "\"type\":\"server\"";

        (await qingdao.GetStringAsync("/supervision/city")).ShouldContain(ServerComponent, customMessage: "an interactive page, for comparison");
        (await qingdao.GetStringAsync("/dashboard/city?period=2026-11")).ShouldNotContain(ServerComponent);
        (await province.GetStringAsync("/dashboard/province?period=2026-11")).ShouldNotContain(ServerComponent);
        (await inspector.GetStringAsync("/dashboard/enterprise?period=2026-11")).ShouldNotContain(ServerComponent);
    }

    [Fact]
    public async Task A_filter_forms_other_period_kind_answers_under_the_address_of_the_period_it_means()
    {
        var qingdao = await web.CookieClientAsync("qingdao");
        var province = await web.CookieClientAsync("province");
        var inspector = await web.CookieClientAsync("demo-qd1-inspector");

        (await RedirectOf(qingdao, "/dashboard/city?kind=Quarter&period=2026-11&region=370211&rank=LowestScore"))
            .ShouldEndWith("/dashboard/city?period=2026-Q4&region=370211");
        (await RedirectOf(qingdao, "/dashboard/city?kind=Month&period=2026-11&rank=MostOverdue")).ShouldEndWith("/dashboard/city?period=2026-11&rank=MostOverdue");
        (await RedirectOf(province, "/dashboard/province?kind=Year&period=2026-Q4&rank=LowestScore")).ShouldEndWith("/dashboard/province?period=2026");
        (await RedirectOf(inspector, "/dashboard/enterprise?kind=Quarter&period=2026-11")).ShouldEndWith("/dashboard/enterprise?period=2026-Q4");
    }

    [Fact]
    public async Task Each_dashboard_refuses_the_roles_it_is_not_for()
    {
        var qingdao = await web.CookieClientAsync("qingdao");
        var admin = await web.CookieClientAsync("demo-qd1-admin");

        (await RedirectOf(qingdao, "/dashboard/province")).ShouldContain("/account/access-denied");
        (await RedirectOf(qingdao, "/dashboard/enterprise")).ShouldContain("/account/access-denied");
        (await RedirectOf(admin, "/dashboard/city")).ShouldContain("/account/access-denied");
        (await RedirectOf(admin, "/dashboard/province")).ShouldContain("/account/access-denied");
        (await RedirectOf(web.Factory.CreateClient(new() { AllowAutoRedirect = false }), "/dashboard/city")).ShouldContain("/account/login");
    }

    private static async Task<string> RedirectOf(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        ((int)response.StatusCode).ShouldBeInRange(300, 399, $"{path} answered {(int)response.StatusCode}");
        return response.Headers.Location!.ToString();
    }
}
