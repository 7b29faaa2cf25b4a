using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Web.Accounts;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DualPrevention.Web.Tests.Accounts;

/// <summary>Locking, resetting or signing out ends every session at once: cookies and bearer tokens alike.</summary>
public class SessionRevocationTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static async Task<Guid> IdOfAsync(HttpClient manager, string userName) =>
        (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/accounts?search={userName}")).GetProperty("items")
            .EnumerateArray().Single(i => i.GetProperty("userName").GetString() == userName).GetProperty("id").GetGuid();

    [Fact]
    public async Task A_locked_accounts_token_and_cookie_stop_working_immediately()
    {
        var token = await web.ApiClientAsync("demo-wf1-inspector");
        var cookie = await web.CookieClientAsync("demo-wf1-inspector");
        (await token.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cookie.GetAsync($"/enterprises/{web.Wf1}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await web.ApiClientAsync("demo-wf1-admin");

        (await admin.PostAsync($"/api/v1/accounts/{await IdOfAsync(admin, "demo-wf1-inspector")}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await token.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await cookie.GetAsync($"/enterprises/{web.Wf1}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_token_locked_on_another_node_stops_working_there_within_the_stamp_caches_bound()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var otherNode = web.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var token = (await web.ApiClientAsync("demo-qd2-inspector")).DefaultRequestHeaders.Authorization;
        var onOtherNode = otherNode.CreateClient();
        onOtherNode.DefaultRequestHeaders.Authorization = token;
        (await onOtherNode.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await web.ApiClientAsync("demo-qd2-admin");

        (await admin.PostAsync($"/api/v1/accounts/{await IdOfAsync(admin, "demo-qd2-inspector")}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        clock.Advance(SecurityStampCache.MaxAge - TimeSpan.FromSeconds(1));
        (await onOtherNode.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "the other node read the stamp less than the bound ago");
        clock.Advance(TimeSpan.FromSeconds(1));
        (await onOtherNode.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_fresh_sessions_cookie_is_checked_on_every_page_but_not_renewed_each_time()
    {
        var cookie = await web.CookieClientAsync("demo-qd1-inspector");

        var page = await cookie.GetAsync("/inspect");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var setCookies = page.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        setCookies.ShouldNotContain(c => c.StartsWith("dp.auth", StringComparison.Ordinal), "the window slides at most every 5 minutes (ADR 0013)");
    }

    [Fact]
    public async Task Signing_out_revokes_the_cookie_even_when_it_is_replayed()
    {
        var cookie = await web.SignInCookieHeaderAsync("demo-qd2-admin");
        var client = web.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", cookie);
        var page = await client.SendAsync(home);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var logout = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(await page.Content.ReadAsStringAsync()) }),
        };
        logout.Headers.Add("Cookie", cookie);
        (await client.SendAsync(logout)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var replay = new HttpRequestMessage(HttpMethod.Get, "/accounts");
        replay.Headers.Add("Cookie", cookie);
        var replayed = await client.SendAsync(replay);

        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task A_sign_out_without_the_antiforgery_token_is_refused_and_the_session_lives_on()
    {
        var cookie = await web.SignInCookieHeaderAsync("demo-wf1-admin");
        var client = web.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var forged = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = new FormUrlEncodedContent([]) };
        forged.Headers.Add("Cookie", cookie);

        var response = await client.SendAsync(forged);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", cookie);
        (await client.SendAsync(home)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Province_staff_cannot_reset_or_lock_an_administrator_nor_themselves()
    {
        var province = await web.ApiClientAsync("province");
        var adminClient = await web.ApiClientAsync("admin");
        var adminId = await IdOfAsync(adminClient, "admin");
        var provinceId = await IdOfAsync(adminClient, "province");

        (await province.PostAsJsonAsync($"/api/v1/accounts/{adminId}/reset-password", new { newPassword = "Takeover@2026" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await province.PostAsync($"/api/v1/accounts/{adminId}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await province.PostAsJsonAsync($"/api/v1/accounts/{provinceId}/reset-password", new { newPassword = "Selfset@2026" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "their own account is another manager's to reset");
    }

    [Fact]
    public async Task A_city_reviewer_manages_enterprise_admins_but_not_other_enterprise_staff()
    {
        var qingdao = await web.ApiClientAsync("qingdao");
        var page = await qingdao.GetFromJsonAsync<JsonElement>("/api/v1/accounts?search=demo-qd1");
        var inspector = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("userName").GetString() == "demo-qd1-inspector").GetProperty("id").GetGuid();

        (await qingdao.PostAsJsonAsync($"/api/v1/accounts/{inspector}/reset-password", new { newPassword = "Cityset@2026" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qingdao.PostAsync($"/api/v1/accounts/{inspector}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_forced_password_change_page_gets_its_styles()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        (await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            account = new { userName = "demo-qd1-newcomer", displayName = "新人", initialPassword = "Start#2026" },
            role = "Inspector",
            enterpriseId = web.Qd1,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var newcomer = await web.CookieClientAsync("demo-qd1-newcomer", "Start#2026");

        var page = await newcomer.GetStringAsync("/account/change-password");
        var stylesheet = System.Text.RegularExpressions.Regex.Match(page, "href=\"(app[^\"]*\\.css)\"").Groups[1].Value;
        var css = await newcomer.GetAsync("/" + stylesheet);

        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        css.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
    }
}
