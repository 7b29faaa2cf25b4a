using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.Positioning;

/// <summary>
/// <c>POST /api/v1/positioning/fixes</c> (ADR 0039): a device posts the MQTT payload with its credential over HTTP
/// Basic; the fixes go through the same acceptance as the broker's (stored, refused fixes counted by reason, the
/// fence seam called), a device writes only into its credential's enterprise, an unknown or revoked credential is
/// refused 401, a body that is no payload 400, an oversized batch 413, and a flood 429 with Retry-After.
/// </summary>
public class FixBatchEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Path = "/api/v1/positioning/fixes";
    private readonly RecordingFixes _fence = new();

    private WebApplicationFactory<Program> Host(int permitLimit = 1000) =>
        web.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Positioning:Http:PermitLimit", permitLimit.ToString(CultureInfo.InvariantCulture));
            builder.ConfigureServices(services => services.AddSingleton<IAcceptedFixes>(_fence));
        });

    [Fact]
    public async Task A_batch_is_stored_for_the_credentials_enterprise_and_each_refused_fix_is_named_and_counted()
    {
        var host = Host();
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var wf1 = await web.ApiClientAsync("demo-wf1-admin");
        await RegisterTagAsync(qd1, "HTTP-Q1-01");
        await RegisterTagAsync(wf1, "HTTP-W1-01");
        var (username, secret) = await IssueAsync(qd1, "HTTP批量接入引擎");
        var device = Device(host, username, secret);
        var before = await CountAsync(web.Qd1);
        var now = DateTimeOffset.UtcNow;

        var response = await device.PostAsync(Path, Json(
            $$"""
            [{"tag":"HTTP-Q1-01","time":"{{Iso(now.AddSeconds(-2))}}","x":10,"y":20,"battery":80},
             {"tag":"HTTP-W1-01","time":"{{Iso(now)}}","x":1,"y":1},
             {"tag":"NOBODY-HTTP","time":"{{Iso(now)}}","x":1,"y":1},
             {"tag":"HTTP-Q1-01","time":"{{Iso(now)}}","x":1,"y":1,"battery":101}]
            """));
        var single = await device.PostAsync(Path, Json($$"""{"tag":"HTTP-Q1-01","time":"{{Iso(now)}}","x":11,"y":20}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("refused").GetInt32()).ShouldBe((1, 3));
        answer.GetProperty("refusals").EnumerateArray()
            .Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("field").GetString(), r.GetProperty("reason").GetString()))
            .ShouldBe([(1, "tag", "OtherEnterprise"), (2, "tag", "UnknownTag"), (3, "battery", "OutOfRange")], ignoreOrder: true);
        single.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await single.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32().ShouldBe(1);

        await using var db = web.OwnerContext(TenantScope.System);
        var positions = await db.Set<TagPosition>()
            .Join(db.Set<PositioningTag>(), p => p.TagId, t => t.Id, (p, t) => new { t.Serial, p.EnterpriseId, p.X })
            .Where(p => p.Serial.StartsWith("HTTP-"))
            .ToListAsync();
        positions.Select(p => (p.Serial, p.EnterpriseId, p.X)).ShouldBe([("HTTP-Q1-01", web.Qd1, (double?)11)]);
        var after = await CountAsync(web.Qd1);
        (after.Accepted - before.Accepted, after.OtherEnterprise - before.OtherEnterprise, after.UnknownTag - before.UnknownTag, after.OutOfRange - before.OutOfRange)
            .ShouldBe((2L, 1L, 1L, 1L));
        _fence.Serials.ShouldBe(["HTTP-Q1-01", "HTTP-Q1-01"]);
    }

    [Fact]
    public async Task A_device_writes_only_into_its_own_enterprise_whatever_the_payload_says()
    {
        var host = Host();
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var wf1 = await web.ApiClientAsync("demo-wf1-admin");
        await RegisterTagAsync(qd1, "HTTP-OWN-01");
        var (username, secret) = await IssueAsync(wf1, "潍坊越权引擎");
        var before = await CountAsync(web.Wf1);

        // The payload has no enterprise field to forge; one added is ignored, the credential decides.
        var response = await Device(host, username, secret).PostAsync(Path, Json(
            $$"""[{"tag":"HTTP-OWN-01","time":"{{Iso(DateTimeOffset.UtcNow)}}","x":5,"y":5,"enterprise":"{{web.Qd1}}"}]"""));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("accepted").GetInt32().ShouldBe(0);
        answer.GetProperty("refusals")[0].GetProperty("reason").GetString().ShouldBe("OtherEnterprise");
        await using var db = web.OwnerContext(TenantScope.System);
        (await db.Set<TagPosition>().Join(db.Set<PositioningTag>(), p => p.TagId, t => t.Id, (p, t) => t.Serial).CountAsync(s => s == "HTTP-OWN-01")).ShouldBe(0);
        ((await CountAsync(web.Wf1)).OtherEnterprise - before.OtherEnterprise).ShouldBe(1L);
    }

    [Fact]
    public async Task No_credential_a_wrong_secret_a_user_token_and_a_revoked_credential_are_refused_401()
    {
        var host = Host();
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var (username, secret) = await IssueAsync(qd1, "吊销测试引擎");
        var body = $$"""{"tag":"X","time":"{{Iso(DateTimeOffset.UtcNow)}}","x":1,"y":1}""";

        var anonymous = await host.CreateClient().PostAsync(Path, Json(body));
        var wrong = await Device(host, username, secret + "x").PostAsync(Path, Json(body));
        var user = await qd1.PostAsync(Path, Json(body));
        var valid = await Device(host, username, secret).PostAsync(Path, Json(body));
        var id = (await qd1.GetFromJsonAsync<JsonElement>($"/api/v1/positioning/device-credentials?search={username}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        (await qd1.PostAsync($"/api/v1/positioning/device-credentials/{id}/revoke", null)).EnsureSuccessStatusCode();
        var revoked = await Device(host, username, secret).PostAsync(Path, Json(body));

        valid.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var refused in new[] { anonymous, wrong, user, revoked })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            refused.Headers.WwwAuthenticate.ToString().ShouldContain("Basic");
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
    }

    [Fact]
    public async Task A_body_that_is_no_payload_is_refused_400_and_an_oversized_batch_413_each_counted_once()
    {
        var host = Host();
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var (username, secret) = await IssueAsync(qd1, "格式测试引擎");
        var device = Device(host, username, secret);
        var before = await CountAsync(web.Qd1);
        var fix = $$"""{"tag":"X","time":"{{Iso(DateTimeOffset.UtcNow)}}","x":1,"y":1}""";

        var malformed = await device.PostAsync(Path, Json("not json"));
        var empty = await device.PostAsync(Path, Json("[]"));
        var tooMany = await device.PostAsync(Path, Json("[" + string.Join(',', Enumerable.Repeat(fix, FixLimits.MaxFixesPerMessage + 1)) + "]"));
        var tooLong = await device.PostAsync(Path, Json("[" + fix + new string(' ', FixLimits.MaxMessageBytes) + "]"));

        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        malformed.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        tooMany.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        tooLong.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        tooLong.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var after = await CountAsync(web.Qd1);
        (after.Malformed - before.Malformed, after.OutOfRange - before.OutOfRange, after.Accepted - before.Accepted).ShouldBe((2L, 2L, 0L));
    }

    [Fact]
    public async Task A_flood_from_one_credential_meets_429_with_retry_after_and_another_credential_still_posts()
    {
        var host = Host(permitLimit: 3);
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var (flooder, flooderSecret) = await IssueAsync(qd1, "限流测试引擎甲");
        var (other, otherSecret) = await IssueAsync(qd1, "限流测试引擎乙");
        var body = $$"""{"tag":"X","time":"{{Iso(DateTimeOffset.UtcNow)}}","x":1,"y":1}""";
        var device = Device(host, flooder, flooderSecret);

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add(await device.PostAsync(Path, Json(body)));
        }

        var second = await Device(host, other, otherSecret).PostAsync(Path, Json(body));

        statuses.Take(3).ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        statuses.Skip(3).ShouldAllBe(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        statuses[3].Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        statuses[3].Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static HttpClient Device(WebApplicationFactory<Program> host, string username, string secret)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{secret}")));
        return client;
    }

    private static async Task RegisterTagAsync(HttpClient admin, string serial) =>
        (await admin.PostAsJsonAsync("/api/v1/positioning/tags", new { serial, kind = "Badge" })).EnsureSuccessStatusCode();

    private static async Task<(string Username, string Secret)> IssueAsync(HttpClient admin, string name)
    {
        var issued = await (await admin.PostAsJsonAsync("/api/v1/positioning/device-credentials", new { name })).Content.ReadFromJsonAsync<JsonElement>();
        return (issued.GetProperty("username").GetString()!, issued.GetProperty("secret").GetString()!);
    }

    private async Task<(long Accepted, long Malformed, long UnknownTag, long OtherEnterprise, long OutOfRange)> CountAsync(Guid enterpriseId)
    {
        await using var db = web.OwnerContext(TenantScope.System);
        var rows = await db.Set<FixCount>().Where(c => c.EnterpriseId == enterpriseId).ToListAsync();
        return (rows.Sum(r => r.Accepted), rows.Sum(r => r.Malformed), rows.Sum(r => r.UnknownTag), rows.Sum(r => r.OtherEnterprise), rows.Sum(r => r.OutOfRange));
    }

    /// <summary>The fence rules' seam: which serials it was handed, in order.</summary>
    private sealed class RecordingFixes : IAcceptedFixes
    {
        private readonly ConcurrentQueue<string> _serials = new();

        public IReadOnlyList<string> Serials => [.. _serials];

        public Task OnAcceptedAsync(IReadOnlyList<AcceptedFix> fixes, CancellationToken cancellationToken)
        {
            foreach (var fix in fixes)
            {
                _serials.Enqueue(fix.Fix.Tag);
            }

            return Task.CompletedTask;
        }
    }
}
