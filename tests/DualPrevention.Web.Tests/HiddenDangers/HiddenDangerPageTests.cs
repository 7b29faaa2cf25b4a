using System.Net;
using System.Net.Http.Json;

namespace DualPrevention.Web.Tests.HiddenDangers;

/// <summary>The detail page and the report form across tenants and roles.</summary>
public class HiddenDangerPageTests(WebFixture web) : IClassFixture<WebFixture>
{
    private sealed record Created(Guid Id);

    [Fact]
    public async Task The_detail_page_answers_its_own_enterprise_and_city_and_404_to_others()
    {
        var reporter = await web.ApiClientAsync("demo-qd1-inspector");
        var response = await reporter.PostAsJsonAsync("/api/v1/hidden-dangers", new { name = "配电室门未关闭", description = "配电室防小动物挡板缺失", level = "General", source = "Routine" });
        var id = (await response.Content.ReadFromJsonAsync<Created>())!.Id;

        foreach (var userName in new[] { "demo-qd1-admin", "qingdao" })
        {
            var page = await (await web.CookieClientAsync(userName)).GetAsync($"/hidden-dangers/{id}");
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await page.Content.ReadAsStringAsync()).ShouldContain("配电室门未关闭");
        }

        foreach (var userName in new[] { "demo-wf1-admin", "demo-qd2-admin", "weifang" })
        {
            var page = await (await web.CookieClientAsync(userName)).GetAsync($"/hidden-dangers/{id}");
            page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await page.Content.ReadAsStringAsync()).ShouldNotContain("配电室门未关闭");
        }
    }

    [Fact]
    public async Task The_report_form_is_for_enterprise_staff_only()
    {
        (await (await web.CookieClientAsync("demo-qd1-inspector")).GetAsync("/hidden-dangers/report")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var denied = await (await web.CookieClientAsync("qingdao")).GetAsync("/hidden-dangers/report");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }
}
