using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Testing;
using Microsoft.Extensions.Options;

namespace DualPrevention.Web.Tests.Hosting;

public class HostingTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Readiness_checks_PostgreSQL_and_Hangfire_storage()
    {
        var response = await web.Factory.CreateClient().GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        report.GetProperty("status").GetString().ShouldBe("Healthy");
        report.GetProperty("checks").EnumerateObject().Select(c => (c.Name, Status: c.Value.GetProperty("status").GetString()))
            .ShouldBe([("postgresql", "Healthy"), ("hangfire-storage", "Healthy")], ignoreOrder: true);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_v1_api()
    {
        var document = JsonDocument.Parse(await web.Factory.CreateClient().GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/auth/token");
        paths.ShouldContain("/api/v1/enterprises");
        paths.ShouldContain("/api/v1/accounts");
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_fence_settings_out_of_range()
    {
        await using var factory = new DualPreventionAppFactory(web, new Dictionary<string, string> { ["Positioning:Fences:DebounceSeconds"] = "0" });

        var refusal = Should.Throw<OptionsValidationException>(() => factory.CreateClient());

        refusal.Message.ShouldContain("Positioning:Fences");
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        var response = await web.Factory.CreateClient().GetAsync("/account/login");

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
    }

    [Fact]
    public async Task The_jobs_dashboard_is_for_administrators_only()
    {
        var reviewer = await web.CookieClientAsync("qingdao");
        var admin = await web.CookieClientAsync("admin");

        ((int)(await reviewer.GetAsync("/jobs")).StatusCode).ShouldBeOneOf(302, 403);
        (await admin.GetAsync("/jobs")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_login_page_speaks_Chinese_first_and_English_on_request()
    {
        var client = web.Factory.CreateClient();

        (await client.GetStringAsync("/account/login")).ShouldContain("双重预防机制信息平台");
        var english = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        (await (await client.SendAsync(english)).Content.ReadAsStringAsync()).ShouldContain("Dual Prevention Platform");
    }

    [Fact]
    public async Task The_login_page_ignores_a_browsers_accept_language_and_stays_Chinese()
    {
        var english = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        english.Headers.Add("Accept-Language", "en-US");

        (await (await web.Factory.CreateClient().SendAsync(english)).Content.ReadAsStringAsync()).ShouldContain("双重预防机制信息平台");
    }

    [Fact]
    public async Task An_unreadable_api_request_is_refused_in_Chinese_and_in_English_when_the_caller_asks_for_it()
    {
        var client = await web.ApiClientAsync("demo-qd1-admin");

        var chinese = await client.GetAsync("/api/v1/hidden-dangers?enterpriseId=notaguid");
        var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/hidden-dangers?enterpriseId=notaguid");
        english.Headers.Add("Accept-Language", "en-US");
        var answered = await client.SendAsync(english);

        chinese.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await chinese.Content.ReadAsStringAsync()).ShouldContain("无法读取请求：请检查查询参数");
        answered.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await answered.Content.ReadAsStringAsync()).ShouldContain("The request could not be read");
    }

    [Fact]
    public async Task A_refused_role_and_a_missing_token_are_told_why()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");

        var forbidden = await admin.PostAsJsonAsync("/api/v1/enterprises", new { shortCode = "nope", details = new { }, firstAdmin = new { } });
        var anonymous = await web.Factory.CreateClient().GetAsync("/api/v1/hidden-dangers");

        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await forbidden.Content.ReadAsStringAsync()).ShouldContain("您的角色无权执行此操作");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.Content.ReadAsStringAsync()).ShouldContain("请先登录");
    }
}
