using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Testing;

namespace DualPrevention.Web.Tests.Risks.Register;

/// <summary>The export, the card API and the overview and card pages, each read inside and across tenants.</summary>
public class RiskRegisterOutputTests(WebFixture web) : IClassFixture<WebFixture>
{
    /// <summary>A one-unit register of its own for each test (codes are unique per enterprise).</summary>
    private async Task<Guid> UnitOfAsync(Guid enterpriseId, string unitName)
    {
        var register = await HandBuiltRegister.ForAsync(web, enterpriseId);
        register.AnalysisObject($"T-{Guid.NewGuid():N}"[..20], "测试罐区")
            .Unit(unitName, emergencyPhone: "0532-8888119", emergencyMeasures: "关闭储罐进出料阀")
            .Event("储罐泄漏引发火灾", "火灾", l: 4, s: 5)
            .Measure("液位高高报警联锁投用");
        await register.SaveAsync();
        return register.Units[unitName];
    }

    [Fact]
    public async Task An_enterprise_user_downloads_its_register_as_a_named_xlsx()
    {
        await UnitOfAsync(web.Qd1, "导出单元");
        var client = await web.ApiClientAsync("demo-qd1-inspector");

        var response = await client.GetAsync("/api/v1/risk-register/export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldStartWith("风险分级管控清单_demo-qd1_");
        disposition.FileNameStar.ShouldEndWith(".xlsx");
        response.Content.Headers.GetValues("Content-Disposition").Single().ShouldContain("filename*=UTF-8''%E9%A3%8E%E9%99%A9");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes[..2].ShouldBe("PK"u8.ToArray(), "an .xlsx is a zip package");
    }

    [Fact]
    public async Task Another_tenants_register_cannot_be_exported_and_a_regulator_must_name_an_enterprise_in_scope()
    {
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var qingdao = await web.ApiClientAsync("qingdao");
        var weifang = await web.ApiClientAsync("weifang");

        (await qd1.GetAsync($"/api/v1/risk-register/export?enterpriseId={web.Wf1}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qingdao.GetAsync($"/api/v1/risk-register/export?enterpriseId={web.Wf1}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qingdao.GetAsync("/api/v1/risk-register/export")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await qingdao.GetAsync($"/api/v1/risk-register/export?enterpriseId={web.Qd2}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await weifang.GetAsync($"/api/v1/risk-register/export?enterpriseId={web.Wf1}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_card_API_answers_for_units_in_scope_and_404_for_another_tenants()
    {
        var own = await UnitOfAsync(web.Qd1, "卡片单元");
        var foreign = await UnitOfAsync(web.Wf1, "潍坊单元");
        var qd1 = await web.ApiClientAsync("demo-qd1-inspector");
        var qingdao = await web.ApiClientAsync("qingdao");

        var card = await qd1.GetFromJsonAsync<JsonElement>($"/api/v1/risk-register/units/{own}/card");
        card.GetProperty("unitName").GetString().ShouldBe("卡片单元");
        card.GetProperty("level").GetString().ShouldBe("Major", "L4 × S5 = 20 is 重大");
        card.GetProperty("events")[0].GetProperty("measures")[0].GetString().ShouldBe("液位高高报警联锁投用");
        card.GetProperty("department").GetString().ShouldBe("生产部", "the department the unit's measure names");
        card.GetProperty("emergencyPhone").GetString().ShouldBe("0532-8888119");
        card.GetProperty("emergencyMeasures")[0].GetString().ShouldBe("关闭储罐进出料阀");

        (await qd1.GetAsync($"/api/v1/risk-register/units/{foreign}/card")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qingdao.GetAsync($"/api/v1/risk-register/units/{foreign}/card")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qingdao.GetAsync($"/api/v1/risk-register/units/{own}/card")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_overview_page_of_another_citys_enterprise_answers_404_for_the_Qingdao_reviewer()
    {
        var qingdao = await web.CookieClientAsync("qingdao");
        var qd1Admin = await web.CookieClientAsync("demo-qd1-admin");

        (await qingdao.GetAsync($"/enterprises/{web.Wf1}/risk-overview")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qingdao.GetAsync("/risk-register/overview")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1Admin.GetAsync($"/enterprises/{web.Qd2}/risk-overview")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var allowed = await qingdao.GetAsync($"/enterprises/{web.Qd1}/risk-overview");
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await allowed.Content.ReadAsStringAsync()).ShouldContain("青岛示范石化有限公司");
    }

    [Fact]
    public async Task An_enterprise_user_sees_its_units_as_coloured_tiles_and_an_export_button()
    {
        var unit = await UnitOfAsync(web.Qd1, "四色单元");
        var client = await web.CookieClientAsync("demo-qd1-admin");

        var html = await client.GetStringAsync("/risk-register/overview");

        html.ShouldContain($"href=\"risk-register/units/{unit}/card\"");
        html.ShouldContain("background-color:#D32F2F");
        html.ShouldContain($"api/v1/risk-register/export?enterpriseId={web.Qd1}");
        html.ShouldContain("导出Excel");
    }

    [Fact]
    public async Task The_card_page_of_another_tenants_unit_answers_404_and_its_own_shows_the_QR_code_of_the_public_address()
    {
        var foreign = await UnitOfAsync(web.Wf1, "潍坊卡片单元");
        var qd1 = await web.CookieClientAsync("demo-qd1-admin");
        var qingdao = await web.CookieClientAsync("qingdao");
        var weifang = await web.CookieClientAsync("weifang");

        (await qd1.GetAsync($"/risk-register/units/{foreign}/card")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qingdao.GetAsync($"/risk-register/units/{foreign}/card")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await weifang.GetStringAsync($"/risk-register/units/{foreign}/card");
        html.ShouldContain("潍坊卡片单元");
        html.ShouldContain("0532-8888119");
        html.ShouldContain("关闭储罐进出料阀");
        html.ShouldContain("生产部");
        html.ShouldContain("src=\"data:image/png;base64,");
        html.ShouldContain($"data-url=\"{DualPreventionAppFactory.PublicBaseUrl}inspect/units/{foreign}\"");
    }
}
