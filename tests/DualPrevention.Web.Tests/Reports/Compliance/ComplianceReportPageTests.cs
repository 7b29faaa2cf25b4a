using System.Net;
using System.Text.RegularExpressions;

namespace DualPrevention.Web.Tests.Reports.Compliance;

/// <summary>The prerendered /reports page for every role, and a linked preview inside and across tenants.</summary>
public class ComplianceReportPageTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Theory]
    [InlineData("admin")]
    [InlineData("province")]
    [InlineData("qingdao")]
    [InlineData("demo-qd1-admin")]
    [InlineData("demo-qd1-inspector")]
    public async Task The_report_page_opens_for_every_role_with_the_period_picker_and_the_export_buttons(string userName)
    {
        var client = await web.CookieClientAsync(userName);

        var response = await client.GetAsync("/reports");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("合规报表");
        html.ShouldContain("data-testid=\"period-month\"");
        html.ShouldContain("data-testid=\"export-xlsx\"");
        html.ShouldContain("我的导出");
    }

    [Fact]
    public async Task Regulators_choose_a_region_and_see_the_monthly_archives_while_an_enterprise_user_sees_only_its_own_name()
    {
        var qingdao = await (await web.CookieClientAsync("qingdao")).GetStringAsync("/reports");
        var qd1 = await (await web.CookieClientAsync("demo-qd1-admin")).GetStringAsync("/reports");

        qingdao.ShouldContain("data-testid=\"report-region\"");
        qingdao.ShouldContain("月度归档");
        qd1.ShouldNotContain("data-testid=\"report-region\"");
        qd1.ShouldNotContain("月度归档");
        qd1.ShouldContain("青岛示范石化有限公司");
    }

    [Fact]
    public async Task A_linked_preview_shows_the_citys_enterprises_and_totals_and_no_other_citys()
    {
        var qingdao = await web.CookieClientAsync("qingdao");

        var html = await qingdao.GetStringAsync("/reports?period=2026-11");

        html.ShouldContain("data-testid=\"report-table\"");
        html.ShouldContain("青岛示范石化有限公司");
        html.ShouldContain("青岛示范化工储运有限公司");
        html.ShouldContain("青岛市 合计");
        html.ShouldContain("report-total");
        html.ShouldNotContain("潍坊示范化学有限公司");
    }

    [Fact]
    public async Task In_English_the_preview_has_no_Chinese_but_the_names_of_enterprises_and_places()
    {
        var english = await web.CookieClientAsync("qingdao");
        await english.GetAsync("/culture/set?culture=en-US&returnUrl=%2F");
        string html;
        try
        {
            html = await english.GetStringAsync("/reports?period=2026-11");
        }
        finally
        {
            // The choice is kept on the account: give it back, so the class's other tests sign in as qingdao in Chinese.
            await english.GetAsync("/culture/set?culture=zh-CN&returnUrl=%2F");
        }

        var preview = html[html.IndexOf("data-testid=\"report-caption\"", StringComparison.Ordinal)..];
        preview = preview[..(preview.IndexOf("</table>", StringComparison.Ordinal) + "</table>".Length)];
        preview.ShouldContain("Dual prevention operation report · 2026-11 · 青岛市");
        preview.ShouldContain("Task completion rate");
        preview.ShouldContain("青岛市 total");
        Regex.Matches(Regex.Replace(preview, "<[^>]+>", " "), @"[\u4e00-\u9fff]+").Select(m => m.Value)
            .Where(word => word is not ("青岛示范石化有限公司" or "青岛示范化工储运有限公司") && !Regex.IsMatch(word, @"^[\u4e00-\u9fff]{1,6}[省市区县]$"))
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task A_linked_preview_of_another_citys_region_or_of_an_enterprise_users_city_answers_404()
    {
        var qingdao = await web.CookieClientAsync("qingdao");
        var qd1 = await web.CookieClientAsync("demo-qd1-admin");

        var foreignCity = await qingdao.GetAsync("/reports?period=2026-11&region=370700");
        var ownCity = await qd1.GetAsync("/reports?period=2026-11&region=370200");
        var ownReport = await qd1.GetStringAsync("/reports?period=2026-11");

        foreignCity.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await foreignCity.Content.ReadAsStringAsync()).ShouldNotContain("潍坊示范化学有限公司");
        ownCity.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ownReport.ShouldContain("data-testid=\"report-table\"");
        ownReport.ShouldNotContain("青岛示范化工储运有限公司");
    }

    [Fact]
    public async Task A_linked_preview_of_a_county_without_enterprises_says_so()
    {
        var qingdao = await web.CookieClientAsync("qingdao");

        var html = await qingdao.GetStringAsync("/reports?period=2026-11&region=370203");

        html.ShouldContain("data-testid=\"report-empty\"");
        html.ShouldContain("市北区");
        html.ShouldNotContain("data-testid=\"report-table\"");
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login()
    {
        var anonymous = web.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync("/reports");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }
}
