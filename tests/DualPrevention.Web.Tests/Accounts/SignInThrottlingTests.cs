using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.Accounts;

/// <summary>
/// Sign-in abuse meets a 429 with Retry-After before it meets the lockout: per client address and per user name,
/// the limits read from configuration, every throttle in the audit trail.
/// </summary>
public class SignInThrottlingTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string ClientHeader = ClientAddressFromHeader.Header;

    /// <summary>A host with small limits whose clients say which address they come from.</summary>
    private WebApplicationFactory<Program> Throttled(int perClient, int perUserName) =>
        web.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("SignInThrottle:PerClientPermitLimit", perClient.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("SignInThrottle:PerUserNamePermitLimit", perUserName.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        });

    private static HttpRequestMessage TokenRequest(string client, string userName, string password) =>
        new(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { userName, password }),
            Headers = { { ClientHeader, client } },
        };

    [Fact]
    public async Task Sixty_token_requests_with_different_names_from_one_client_meet_429_with_retry_after_and_an_audit_entry()
    {
        var client = Throttled(perClient: 10, perUserName: 100).CreateClient();
        var statuses = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 60; attempt++)
        {
            statuses.Add(await client.SendAsync(TokenRequest("203.0.113.7", $"stranger{attempt}", "Wrong#2026x")));
        }

        statuses.Take(10).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Unauthorized);
        var refused = statuses.Skip(10).ToList();
        refused.ShouldAllBe(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        refused[0].Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        refused[0].Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        // A throttle by address names no account, so only the system scope reads it (the audit_read policy).
        await using var db = web.AppContext(Core.Tenancy.TenantScope.System);
        (await db.AuditEntries.CountAsync(e => e.Action == Core.Auditing.AuditAction.SignInThrottled && e.After!.RootElement.GetProperty("RemoteAddress").GetString() == "203.0.113.7")).ShouldBe(1);
    }

    [Fact]
    public async Task Guessing_one_name_from_many_addresses_is_throttled_per_name_before_the_account_locks()
    {
        var client = Throttled(perClient: 100, perUserName: 3).CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            statuses.Add((await client.SendAsync(TokenRequest($"198.51.100.{attempt + 1}", "demo-qd2-inspector", $"Wrong#{attempt}x"))).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
        var response = await client.SendAsync(TokenRequest("198.51.100.99", "demo-qd2-inspector", WebFixture.Password));
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_login_page_answers_429_with_retry_after_and_a_readable_message()
    {
        var client = Throttled(perClient: 2, perUserName: 100).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/account/login");
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(form),
                    ["_handler"] = "login",
                    ["Input.UserName"] = "nobody-here",
                    ["Input.Password"] = "Wrong#2026x",
                }),
                Headers = { { ClientHeader, "192.0.2.44" } },
            };
            last = await client.SendAsync(post);
        }

        last!.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        last.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await last.Content.ReadAsStringAsync()).ShouldContain("尝试过于频繁");
    }

    [Fact]
    public async Task A_stranger_guessing_from_another_address_cannot_lock_the_owner_out()
    {
        var client = Throttled(perClient: 100, perUserName: 100).CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await client.SendAsync(TokenRequest("203.0.113.66", "demo-qd2-admin", $"Wrong#{attempt}x"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var stranger = await client.SendAsync(TokenRequest("203.0.113.66", "demo-qd2-admin", WebFixture.Password));
        var owner = await client.SendAsync(TokenRequest("198.51.100.200", "demo-qd2-admin", WebFixture.Password));

        stranger.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        owner.StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await web.ApiClientAsync("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-entries?userName=demo-qd2-admin&pageSize=50");
        audit.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("action").GetString() == "SignInLockedOut");
    }

    [Fact]
    public async Task Sign_ins_of_an_unknown_name_and_their_throttle_reach_the_platform_administrators_audit_view_and_no_citys()
    {
        var client = Throttled(perClient: 100, perUserName: 2).CreateClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await client.SendAsync(TokenRequest("192.0.2.61", "demo-nobody-61", "Wrong#2026x"));
        }

        var admin = await web.ApiClientAsync("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit-entries?userName=demo-nobody-61&pageSize=50");

        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldContain("SignInFailed");
        actions.ShouldContain("SignInThrottled");
        await using var city = web.AppContext(Core.Tenancy.TenantScope.ForRegion("370200"));
        (await city.AuditEntries.CountAsync(e => e.UserName == "demo-nobody-61")).ShouldBe(0);
        (await city.AuditEntries.IgnoreQueryFilters([Core.Data.DualPreventionDbContext.TenantFilter]).CountAsync(e => e.UserName == "demo-nobody-61")).ShouldBe(0);
    }

    [Fact]
    public async Task Unknown_and_known_names_get_the_same_messages_attempt_by_attempt()
    {
        var client = Throttled(perClient: 100, perUserName: 100).CreateClient();

        async Task<List<string>> DetailsAsync(string userName)
        {
            var details = new List<string>();
            for (var attempt = 0; attempt < 6; attempt++)
            {
                var response = await client.SendAsync(TokenRequest("192.0.2.10", userName, $"Wrong#{attempt}x"));
                details.Add($"{(int)response.StatusCode} {(await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()}");
            }

            return details;
        }

        var known = await DetailsAsync("demo-qd1-admin");
        var unknown = await DetailsAsync("demo-qd1-nobody");

        unknown.ShouldBe(known);
    }

    [Fact]
    public async Task An_unknown_name_costs_a_password_hash_like_a_known_one()
    {
        var client = Throttled(perClient: 100, perUserName: 100).CreateClient();

        async Task<double> MedianMillisecondsAsync(string userName)
        {
            var times = new List<double>();
            for (var attempt = 0; attempt < 4; attempt++)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await client.SendAsync(TokenRequest($"192.0.2.{120 + attempt}", userName, "Wrong#2026x"));
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            return times.Order().ElementAt(times.Count / 2);
        }

        await MedianMillisecondsAsync("demo-wf1-inspector");
        var known = await MedianMillisecondsAsync("demo-wf1-inspector");
        var unknown = await MedianMillisecondsAsync("demo-wf1-nobody");

        unknown.ShouldBeGreaterThan(known * 0.5);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_that_terminated_tls_the_sign_in_cookie_is_secure_and_the_client_is_the_forwarded_one()
    {
        var factory = web.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", "10.9.8.7");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        });
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        HttpRequestMessage ThroughProxy(HttpMethod method, string path, string? cookies)
        {
            var request = new HttpRequestMessage(method, path) { Headers = { { ClientHeader, "10.9.8.7" }, { "X-Forwarded-For", "198.51.100.77" }, { "X-Forwarded-Proto", "https" } } };
            if (cookies is not null)
            {
                request.Headers.Add("Cookie", cookies);
            }

            return request;
        }

        var page = await client.SendAsync(ThroughProxy(HttpMethod.Get, "/account/login", null));
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var post = ThroughProxy(HttpMethod.Post, "/account/login", cookies);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebFixture.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            ["_handler"] = "login",
            ["Input.UserName"] = "demo-wf1-admin",
            ["Input.Password"] = WebFixture.Password,
        });

        var signedIn = await client.SendAsync(post);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dp.auth=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);
        await using var db = web.AppContext(Core.Tenancy.TenantScope.System);
        (await db.AuditEntries.CountAsync(e => e.UserName == "demo-wf1-admin" && e.Action == Core.Auditing.AuditAction.SignIn
            && e.After!.RootElement.GetProperty("RemoteAddress").GetString() == "198.51.100.77")).ShouldBe(1);
    }
}
