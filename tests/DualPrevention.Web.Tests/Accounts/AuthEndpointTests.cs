using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DualPrevention.Web.Tests.Accounts;

public class AuthEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task A_token_carries_the_users_scope()
    {
        var client = await web.ApiClientAsync("demo-wf1-admin");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        me.GetProperty("enterpriseId").GetGuid().ShouldBe(web.Wf1);
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["EnterpriseAdmin"]);
    }

    [Fact]
    public async Task A_wrong_password_answers_401_as_problem_details()
    {
        var response = await web.Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "qingdao", password = "Wrong#2026" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Five_failures_lock_the_account_so_even_the_right_password_is_refused_and_every_attempt_is_audited()
    {
        var client = web.Factory.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "demo-qd2-inspector", password = $"Wrong#{attempt}x" });
            failed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var locked = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "demo-qd2-inspector", password = WebFixture.Password });

        locked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("锁定");
        var admin = await web.ApiClientAsync("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-entries?userName=demo-qd2-inspector&pageSize=50");
        audit.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "SignInFailed").ShouldBe(6);
    }

    [Fact]
    public async Task Malformed_requests_answer_400_problem_details_not_500()
    {
        var client = web.Factory.CreateClient();
        var broken = await client.PostAsync("/api/v1/auth/token", new StringContent("{\"userName\":", System.Text.Encoding.UTF8, "application/json"));
        var api = await web.ApiClientAsync("province");
        var nullAccount = await api.PostAsJsonAsync("/api/v1/accounts", new { account = (object?)null, role = "CityReviewer", regionCode = "370200" });
        var hugePage = await api.GetAsync("/api/v1/enterprises?page=2147483647&pageSize=100");
        var enterpriseAdmin = await web.ApiClientAsync("demo-wf1-admin");
        var nullDetails = await enterpriseAdmin.PostAsJsonAsync("/api/v1/risk-register/units", new { objectId = Guid.NewGuid(), details = (object?)null });

        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        broken.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        nullAccount.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        hugePage.StatusCode.ShouldBe(HttpStatusCode.OK);
        nullDetails.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await nullDetails.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("details", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_api_without_credentials_answers_401_not_a_login_redirect()
    {
        var response = await web.Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/v1/enterprises");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_page_without_sign_in_redirects_to_the_login_page()
    {
        var response = await web.Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/accounts");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }
}
