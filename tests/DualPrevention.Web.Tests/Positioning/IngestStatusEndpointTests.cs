using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Web.Tests.Positioning;

/// <summary>
/// <c>GET /api/v1/positioning/ingest-status</c> (ADR 0039): the enterprise sees its fixes per day and reason and when each
/// tag was last heard from, silent ones first; another enterprise sees none of it; a regulator sees its region's counts
/// but no tag; other enterprise roles and out-of-range queries are refused 400.
/// </summary>
public class IngestStatusEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Path = "/api/v1/positioning/ingest-status";

    [Fact]
    public async Task The_enterprise_sees_counts_by_reason_and_silent_tags_first_others_see_nothing_and_a_regulator_only_counts()
    {
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var wf1 = await web.ApiClientAsync("demo-wf1-admin");
        foreach (var serial in new[] { "STAT-A", "STAT-B", "STAT-C" })
        {
            (await qd1.PostAsJsonAsync("/api/v1/positioning/tags", new { serial, kind = "Badge" })).EnsureSuccessStatusCode();
        }

        (await wf1.PostAsJsonAsync("/api/v1/positioning/tags", new { serial = "STAT-W", kind = "Helmet" })).EnsureSuccessStatusCode();
        var now = DateTimeOffset.UtcNow;
        await PostAsync(qd1, $$"""[{"tag":"STAT-A","time":"{{Iso(now)}}","x":1,"y":1},{"tag":"STAT-B","time":"{{Iso(now)}}","x":2,"y":2},{"tag":"STAT-NONE","time":"{{Iso(now)}}","x":1,"y":1},{"tag":"STAT-A","time":"{{Iso(now)}}","x":1}]""");
        await PostAsync(wf1, $$"""{"tag":"STAT-W","time":"{{Iso(now)}}","x":1,"y":1}""");
        await using (var db = web.OwnerContext(TenantScope.System))
        {
            // STAT-B was last heard from two hours ago.
            await db.Database.ExecuteSqlAsync($"UPDATE tag_position SET received_at = {now.AddHours(-2)} WHERE tag_id = (SELECT id FROM positioning_tag WHERE serial = 'STAT-B')");
        }

        var own = await qd1.GetFromJsonAsync<JsonElement>($"{Path}?silentMinutes=30");
        var other = await wf1.GetStringAsync(Path);
        var regulatorText = await (await web.ApiClientAsync("qingdao")).GetStringAsync(Path);
        var regulator = JsonDocument.Parse(regulatorText).RootElement;

        var today = own.GetProperty("days").EnumerateArray().Single();
        (today.GetProperty("enterpriseId").GetGuid(), today.GetProperty("accepted").GetInt64(), today.GetProperty("unknownTag").GetInt64(), today.GetProperty("malformed").GetInt64(), today.GetProperty("refused").GetInt64())
            .ShouldBe((web.Qd1, 2L, 1L, 1L, 2L));
        var tags = own.GetProperty("tags").GetProperty("items").EnumerateArray().Select(t => (t.GetProperty("serial").GetString(), t.GetProperty("silent").GetBoolean())).ToList();
        tags.Where(t => t.Item1!.StartsWith("STAT-", StringComparison.Ordinal)).ShouldBe([("STAT-B", true), ("STAT-C", false), ("STAT-A", false)]);
        own.GetProperty("silentTags").GetInt32().ShouldBe(1);
        other.ShouldNotContain("STAT-A");
        other.ShouldNotContain(web.Qd1.ToString());
        other.ShouldContain("STAT-W");
        regulator.GetProperty("tags").ValueKind.ShouldBe(JsonValueKind.Null);
        regulator.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("enterpriseId").GetGuid()).ShouldContain(web.Qd1);
        regulator.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("enterpriseId").GetGuid()).ShouldNotContain(web.Wf1);
        regulatorText.ShouldNotContain("STAT-");
    }

    [Fact]
    public async Task Other_enterprise_roles_are_forbidden_and_queries_out_of_range_are_refused_400()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");

        var inspector = await (await web.ApiClientAsync("demo-qd1-inspector")).GetAsync(Path);
        var noDays = await admin.GetAsync($"{Path}?days=0");
        var tooSilent = await admin.GetAsync($"{Path}?silentMinutes=100000");
        var fine = await admin.GetAsync($"{Path}?days=90&silentMinutes=1");

        foreach (var refused in new[] { inspector, noDays, tooSilent })
        {
            refused.StatusCode.ShouldBe(refused == inspector ? HttpStatusCode.Forbidden : HttpStatusCode.BadRequest);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        fine.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private async Task PostAsync(HttpClient admin, string body)
    {
        var issued = await (await admin.PostAsJsonAsync("/api/v1/positioning/device-credentials", new { name = "状态测试引擎" })).Content.ReadFromJsonAsync<JsonElement>();
        var device = web.Factory.CreateClient();
        device.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{issued.GetProperty("username").GetString()}:{issued.GetProperty("secret").GetString()}")));
        (await device.PostAsync("/api/v1/positioning/fixes", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }
}
