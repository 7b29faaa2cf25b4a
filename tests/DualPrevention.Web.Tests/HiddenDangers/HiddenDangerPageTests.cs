using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.HiddenDangers;

/// <summary>The detail page and the report form across tenants and roles.</summary>
public class HiddenDangerPageTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string OfficerPassword = "Safe@2026x";

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

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
    public async Task Whoever_submitted_the_rectification_sees_no_acceptance_buttons_and_is_told_why()
    {
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var response = await inspector.PostAsJsonAsync("/api/v1/hidden-dangers", new { name = "洗眼器无水", description = "罐区洗眼器水压不足", level = "General", source = "Routine" });
        var id = (await response.Content.ReadFromJsonAsync<Created>())!.Id;
        var inspectorId = (await inspector.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userId").GetGuid();
        var deadline = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await admin.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/confirm", new { rectifierUserId = inspectorId, confirmation = new { level = "General", category = "Safety", deadline } }))
            .EnsureSuccessStatusCode();
        var after = new ByteArrayContent(Png);
        after.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        (await admin.PostAsync($"/api/v1/hidden-dangers/{id}/photos", new MultipartFormDataContent { { after, "file", "after.png" }, { new StringContent("AfterRectification"), "kind" } }))
            .EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/rectification", new { note = "已恢复供水" })).EnsureSuccessStatusCode();
        await EnsureSafetyOfficerAsync("demo-qd1-officer-page");

        var submitterPage = await (await web.CookieClientAsync("demo-qd1-admin")).GetStringAsync($"/hidden-dangers/{id}");
        submitterPage.ShouldNotContain("data-testid=\"action-Accept\"");
        submitterPage.ShouldNotContain("data-testid=\"action-RejectAcceptance\"");
        submitterPage.ShouldContain("data-testid=\"acceptance-refusal\"");
        submitterPage.ShouldContain("提交整改的人不能验收");
        var officerPage = await (await web.CookieClientAsync("demo-qd1-officer-page", OfficerPassword)).GetStringAsync($"/hidden-dangers/{id}");
        officerPage.ShouldContain("data-testid=\"action-Accept\"");
        officerPage.ShouldNotContain("data-testid=\"acceptance-refusal\"");
    }

    [Fact]
    public async Task The_report_form_is_for_enterprise_staff_only()
    {
        (await (await web.CookieClientAsync("demo-qd1-inspector")).GetAsync("/hidden-dangers/report")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var denied = await (await web.CookieClientAsync("qingdao")).GetAsync("/hidden-dangers/report");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }

    /// <summary>A safety officer of demo-qd1 who may sign in at once (no forced password change).</summary>
    private async Task EnsureSafetyOfficerAsync(string userName)
    {
        await using var services = web.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(userName) is null)
        {
            var user = new ApplicationUser { UserName = userName, DisplayName = "安全管理员", EnterpriseId = web.Qd1, CreatedAt = web.Clock.GetUtcNow() };
            (await users.CreateAsync(user, OfficerPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.SafetyOfficer)).Succeeded.ShouldBeTrue();
        }
    }
}
