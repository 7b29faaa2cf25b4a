using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DualPrevention.Core.Monitoring;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Web.Tests.Monitoring;

/// <summary>
/// <c>/api/v1/major-hazards/{id}/monitoring-points</c> and <c>POST /api/v1/monitoring/readings</c> (ADR 0050): an editor
/// adds, changes and removes points; limits out of order answer 400 naming the field, a taken code 409, another
/// tenant's source 404. A device posts readings with its credential into its own enterprise only; refusals are named
/// by index, field and reason; no credential 401.
/// </summary>
public class MonitoringEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task An_editor_adds_changes_lists_and_removes_points_and_bad_limits_or_a_taken_code_are_refused()
    {
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var qd2 = await web.ApiClientAsync("demo-qd2-admin");
        var source = await SourceAsync(qd1);
        var code = Code();

        var created = await qd1.PostAsJsonAsync(Points(source), Point(code));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var disordered = await qd1.PostAsJsonAsync(Points(source), Point(Code(), high: 96));
        var taken = await qd1.PostAsJsonAsync(Points(source), Point(code));
        var changed = await qd1.PutAsJsonAsync($"{Points(source)}/{id}", Point(code, high: 85));
        var foreign = await qd2.GetAsync(Points(source));

        await ShouldNameAsync(disordered, "HighHigh");
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var listed = await qd1.GetFromJsonAsync<JsonElement>(Points(source));
        listed.EnumerateArray().Select(p => (p.GetProperty("code").GetString(), p.GetProperty("high").GetDouble(), p.GetProperty("band").GetString()))
            .ShouldBe([(code, 85.0, "Normal")]);
        (await qd2.DeleteAsync($"{Points(source)}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1.DeleteAsync($"{Points(source)}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await qd1.GetFromJsonAsync<JsonElement>(Points(source))).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_device_posts_readings_into_its_own_enterprise_and_each_refusal_is_named()
    {
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var qd2 = await web.ApiClientAsync("demo-qd2-admin");
        var ownCode = Code();
        var foreignCode = Code();
        (await qd1.PostAsJsonAsync(Points(await SourceAsync(qd1)), Point(ownCode))).EnsureSuccessStatusCode();
        var qd2Source = await SourceAsync(qd2);
        (await qd2.PostAsJsonAsync(Points(qd2Source), Point(foreignCode))).EnsureSuccessStatusCode();
        var device = await DeviceAsync(qd1);
        var now = DateTimeOffset.UtcNow;

        var posted = await device.PostAsync("/api/v1/monitoring/readings", Json(string.Create(CultureInfo.InvariantCulture, $$"""
            [{"point":"{{ownCode}}","time":"{{now:O}}","value":42.5},{"point":"{{foreignCode}}","time":"{{now:O}}","value":42.5},{"point":"{{ownCode}}","time":"{{now:O}}"}]
            """)));
        var notPayload = await device.PostAsync("/api/v1/monitoring/readings", Json("\"readings\""));
        var anonymous = await web.Factory.CreateClient().PostAsync("/api/v1/monitoring/readings", Json("[]"));

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await posted.Content.ReadFromJsonAsync<JsonElement>();
        (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("refused").GetInt32()).ShouldBe((1, 2));
        answer.GetProperty("refusals").EnumerateArray().Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("field").GetString(), r.GetProperty("reason").GetString()))
            .OrderBy(r => r.Item1).ShouldBe([(1, "point", "UnknownPoint"), (2, "value", "Malformed")]);
        notPayload.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using var db = web.OwnerContext(TenantScope.System);
        var values = await db.Set<MonitoringPoint>().Where(p => p.Code == ownCode || p.Code == foreignCode)
            .Join(db.Set<MonitoringPointState>(), p => p.Id, s => s.PointId, (p, s) => new { p.Code, s.LastValue })
            .ToDictionaryAsync(x => x.Code, x => x.LastValue);
        values[ownCode].ShouldBe(42.5);
        values[foreignCode].ShouldBeNull();
    }

    private static string Points(Guid source) => $"/api/v1/major-hazards/{source}/monitoring-points";

    private static string Code() => $"PT-{Guid.NewGuid():N}"[..14].ToUpperInvariant();

    private static object Point(string code, double high = 80) => new
    {
        code,
        name = "反应釜压力",
        kind = "Pressure",
        unit = "MPa",
        rangeLow = 0,
        rangeHigh = 100,
        lowLow = (double?)null,
        low = (double?)null,
        high,
        highHigh = 95,
        debounceSeconds = 5,
        intervalSeconds = 10,
    };

    private static async Task<Guid> SourceAsync(HttpClient admin)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/risk-register/major-hazard-sources", new
        {
            hazardCode = $"MH-{Guid.NewGuid():N}"[..20],
            name = "压力储罐区",
            level = "Level4",
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<HttpClient> DeviceAsync(HttpClient admin)
    {
        var issued = await (await admin.PostAsJsonAsync("/api/v1/positioning/device-credentials", new { name = "监测网关" })).Content.ReadFromJsonAsync<JsonElement>();
        var client = web.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{issued.GetProperty("username").GetString()}:{issued.GetProperty("secret").GetString()}")));
        return client;
    }

    private static async Task ShouldNameAsync(HttpResponseMessage response, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain(field);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
