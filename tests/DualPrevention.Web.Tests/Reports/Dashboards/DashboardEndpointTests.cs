using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core;
using DualPrevention.Testing;

namespace DualPrevention.Web.Tests.Reports.Dashboards;

/// <summary><c>GET /api/v1/dashboards</c>: the figures as JSON for the caller's scope, 400 for a bad period, 404 across tenants.</summary>
public class DashboardEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task A_city_reviewer_gets_the_citys_dashboard_as_json()
    {
        await HiddenDangerSeed.AddAsync(web, web.Qd1, "接口看板隐患", foundOn: new(2026, 11, 10), deadline: new(2026, 11, 20));
        var qingdao = await web.ApiClientAsync("qingdao");

        var response = await qingdao.GetAsync("/api/v1/dashboards?period=2026-11");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("regionCode").GetString().ShouldBe("370200");
        body.GetProperty("regionName").GetString().ShouldBe("青岛市");
        body.GetProperty("regionLevel").GetString().ShouldBe("City");
        body.GetProperty("period").GetProperty("code").GetString().ShouldBe("2026-11");
        var kpis = body.GetProperty("kpis");
        kpis.GetProperty("enterprises").GetInt32().ShouldBe(2);
        kpis.GetProperty("hiddenDangersGeneral").GetInt32().ShouldBe(1);
        kpis.GetProperty("hiddenDangersToRectify").GetInt32().ShouldBe(1);
        kpis.GetProperty("rectificationPercent").GetInt32().ShouldBe(0);
        kpis.GetProperty("completionPercent").ValueKind.ShouldBe(JsonValueKind.Null, "no windows were due");
        body.GetProperty("fourColor").GetProperty("units").GetArrayLength().ShouldBe(4);
        body.GetProperty("rankBy").GetString().ShouldBe("LowestScore");
        body.GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("enterpriseId").GetGuid()).ShouldBe([web.Qd1, web.Qd2], ignoreOrder: true);
        body.GetProperty("regions").GetArrayLength().ShouldBe(2);
        body.GetProperty("trendBy").GetString().ShouldBe("Day");
        body.GetProperty("trend").GetArrayLength().ShouldBe(30);
        var source = body.GetProperty("hiddenDangersBySource").EnumerateArray().ShouldHaveSingleItem();
        (source.GetProperty("source").GetString(), source.GetProperty("count").GetInt32()).ShouldBe(("Other", 1));
    }

    [Fact]
    public async Task Without_a_period_the_dashboard_covers_the_current_month_and_an_enterprise_user_gets_its_own()
    {
        var admin = await web.ApiClientAsync("demo-qd2-admin");

        var body = await admin.GetFromJsonAsync<JsonElement>("/api/v1/dashboards?rankBy=MostOverdue&top=5");

        var today = BusinessTime.LocalDate(TimeProvider.System.GetUtcNow());
        body.GetProperty("period").GetProperty("code").GetString().ShouldBe($"{today:yyyy-MM}");
        body.GetProperty("regionCode").GetString().ShouldBe("370214");
        body.GetProperty("rankBy").GetString().ShouldBe("MostOverdue");
        body.GetProperty("ranking").EnumerateArray().ShouldHaveSingleItem().GetProperty("enterpriseId").GetGuid().ShouldBe(web.Qd2);
        body.GetProperty("kpis").GetProperty("enterprises").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_bad_period_or_region_answers_400_problem_details()
    {
        var qingdao = await web.ApiClientAsync("qingdao");

        var month = await qingdao.GetAsync("/api/v1/dashboards?period=2026-13");
        var region = await qingdao.GetAsync("/api/v1/dashboards?period=2026-11&region=3702");

        month.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        month.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await month.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("2026-13");
        region.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        region.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Another_citys_or_enterprises_region_answers_404_and_never_its_figures()
    {
        var qingdao = await web.ApiClientAsync("qingdao");
        var wf1 = await web.ApiClientAsync("demo-wf1-admin");
        var weifang = await web.ApiClientAsync("weifang");

        (await qingdao.GetAsync("/api/v1/dashboards?period=2026-11&region=370700")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qingdao.GetAsync("/api/v1/dashboards?period=2026-11&region=370000")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wf1.GetAsync("/api/v1/dashboards?period=2026-11&region=370200")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await weifang.GetFromJsonAsync<JsonElement>("/api/v1/dashboards?period=2026-11");
        own.GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("enterpriseId").GetGuid()).ShouldBe([web.Wf1]);
        own.GetProperty("kpis").GetProperty("enterprises").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task An_anonymous_caller_gets_401()
    {
        var anonymous = web.Factory.CreateClient();

        (await anonymous.GetAsync("/api/v1/dashboards?period=2026-11")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
