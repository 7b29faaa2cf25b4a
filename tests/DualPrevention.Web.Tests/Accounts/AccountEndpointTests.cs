using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DualPrevention.Web.Tests.Accounts;

public class AccountEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task An_enterprise_admin_lists_only_its_own_staff()
    {
        var client = await web.ApiClientAsync("demo-qd2-admin");

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/accounts");

        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("userName").GetString())
            .ShouldBe([
                "demo-qd2-admin", "demo-qd2-inspector", "demo-qd2-principal", "demo-qd2-technical", "demo-qd2-operator",
                "demo-qd2-leader", "demo-qd2-unit", "demo-qd2-safetydept", "demo-qd2-shift"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_account_created_by_an_admin_must_change_its_password_before_using_the_api()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            account = new { userName = "demo-qd1-officer", displayName = "安全员甲", initialPassword = "Start#2026" },
            role = "SafetyOfficer",
            enterpriseId = web.Qd1,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);

        var token = await web.Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "demo-qd1-officer", password = "Start#2026" });

        token.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var cookie = await web.CookieClientAsync("demo-qd1-officer", "Start#2026");
        var home = await cookie.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().ShouldBe("/account/change-password");
    }

    [Theory]
    [InlineData("demo-qd1-clerk", "Passw0rd")]
    [InlineData("demo-qd1-clerk", "Demo@2026")]
    [InlineData("demo-qd1-clerk", "Demo-Qd1-Clerk#7")]
    [InlineData("demo-qd1-clerk", "Xq7#demo-QD1")]
    public async Task Common_passwords_and_passwords_holding_the_name_or_short_code_are_refused_with_a_reason(string userName, string password)
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");

        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            account = new { userName, displayName = "文员", initialPassword = password },
            role = "Inspector",
            enterpriseId = web.Qd1,
        });

        created.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await created.Content.ReadAsStringAsync()).ShouldMatch("过于常见|不能包含用户名");
    }

    [Fact]
    public async Task A_manager_cannot_reset_a_password_to_a_common_one()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/accounts?search=demo-qd1-inspector")).GetProperty("items")[0].GetProperty("id").GetGuid();

        var reset = await admin.PostAsJsonAsync($"/api/v1/accounts/{id}/reset-password", new { newPassword = "P@ssw0rd1!" });

        reset.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Staff_cannot_be_planted_in_another_enterprise_nor_locked_there()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var province = await web.ApiClientAsync("province");
        var wf1Inspector = (await province.GetFromJsonAsync<JsonElement>("/api/v1/accounts?search=weifang")).GetProperty("items")[0].GetProperty("id").GetGuid();

        var planted = await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            account = new { userName = "planted", displayName = "间谍", initialPassword = "Start#2026" },
            role = "Inspector",
            enterpriseId = web.Wf1,
        });
        var locked = await admin.PostAsync($"/api/v1/accounts/{wf1Inspector}/lock", null);

        planted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        locked.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_city_reviewer_is_told_that_their_own_account_is_managed_by_another()
    {
        var qingdao = await web.ApiClientAsync("qingdao");
        var province = await web.ApiClientAsync("province");
        var own = (await province.GetFromJsonAsync<JsonElement>("/api/v1/accounts?search=qingdao")).GetProperty("items")
            .EnumerateArray().Single(i => i.GetProperty("userName").GetString() == "qingdao").GetProperty("id").GetGuid();

        var locked = await qingdao.PostAsync($"/api/v1/accounts/{own}/lock", null);

        locked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await locked.Content.ReadAsStringAsync()).ShouldContain("不能在账号管理中处理自己的账号");
        (await qingdao.GetAsync("/api/v1/hidden-dangers")).StatusCode.ShouldBe(HttpStatusCode.OK, "the account stays usable");
    }

    [Fact]
    public async Task An_unknown_role_is_named_as_unknown_with_the_roles_there_are()
    {
        var qingdao = await web.ApiClientAsync("qingdao");

        var created = await qingdao.PostAsJsonAsync("/api/v1/accounts", new
        {
            account = new { userName = "root", displayName = "超级用户", initialPassword = "Start#2026" },
            role = "Root",
            regionCode = "370200",
        });

        created.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await created.Content.ReadAsStringAsync();
        body.ShouldContain("未知角色");
        body.ShouldContain("CityReviewer");
    }

    [Fact]
    public async Task Inspectors_may_not_manage_accounts()
    {
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");

        (await inspector.GetAsync("/api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_audit_trail_is_for_administrators_and_admins_see_enterprise_changes()
    {
        var reviewer = await web.ApiClientAsync("qingdao");
        var admin = await web.ApiClientAsync("admin");

        (await reviewer.GetAsync("/api/v1/audit-entries")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var entries = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-entries?entityType=Enterprise");
        entries.GetProperty("totalCount").GetInt32().ShouldBeGreaterThanOrEqualTo(3);
    }
}
