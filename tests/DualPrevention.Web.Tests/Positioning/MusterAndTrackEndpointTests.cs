using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DualPrevention.Web.Tests.Positioning;

/// <summary>
/// <c>/api/v1/musters</c> and <c>/api/v1/tracks</c> (ADR 0041): the enterprise starts a muster and reads its roll with
/// names; its city's regulator reads counts only and another enterprise 404; a track is the enterprise's administrator's
/// and safety officers' alone (403 for a regulator), a bad period answers 400 ProblemDetails naming the field.
/// </summary>
public class MusterAndTrackEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_enterprise_starts_a_muster_its_regulator_reads_counts_only_and_another_enterprise_nothing()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        await HolderAsync(admin, "MUSTER-API-1", "点名测试甲");

        var started = await admin.PostAsync("/api/v1/musters", null);
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var roll = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/musters/{id}");
        var city = await (await web.ApiClientAsync("qingdao")).GetFromJsonAsync<JsonElement>($"/api/v1/musters/{id}");
        var cityList = await (await web.ApiClientAsync("qingdao")).GetFromJsonAsync<JsonElement>($"/api/v1/musters?enterpriseId={web.Qd1}");
        var stranger = await (await web.ApiClientAsync("demo-qd2-admin")).GetAsync($"/api/v1/musters/{id}");

        roll.GetProperty("entries").EnumerateArray().ShouldContain(e => e.GetProperty("name").GetString() == "点名测试甲" && e.GetProperty("whereabouts").GetString() == "Unknown");
        roll.GetProperty("now").GetProperty("unknown").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        city.GetProperty("entries").ValueKind.ShouldBe(JsonValueKind.Null);
        city.GetProperty("now").GetProperty("persons").GetInt32().ShouldBe(roll.GetProperty("now").GetProperty("persons").GetInt32());
        cityList.GetProperty("items").EnumerateArray().ShouldContain(m => m.GetProperty("id").GetGuid() == id);
        stranger.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await web.ApiClientAsync("qingdao")).PostAsync("/api/v1/musters", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsync($"/api/v1/musters/{id}/close", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var closed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/musters/{id}");
        closed.GetProperty("atClose").GetProperty("persons").GetInt32().ShouldBe(roll.GetProperty("now").GetProperty("persons").GetInt32());
    }

    [Fact]
    public async Task A_track_is_the_enterprises_alone_and_a_bad_period_answers_400()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var person = await HolderAsync(admin, "TRACK-API-1", "轨迹测试乙");
        var to = DateTimeOffset.UtcNow;
        string Query(DateTimeOffset from, DateTimeOffset until) =>
            $"/api/v1/tracks?personId={person}&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(until.ToString("O"))}";

        var track = await admin.GetAsync(Query(to.AddHours(-1), to));
        var reversed = await admin.GetAsync(Query(to, to.AddHours(-1)));
        var tooLong = await admin.GetAsync(Query(to.AddDays(-2), to));
        var missing = await admin.GetAsync($"/api/v1/tracks?personId={person}");
        var regulator = await (await web.ApiClientAsync("qingdao")).GetAsync(Query(to.AddHours(-1), to));
        var stranger = await (await web.ApiClientAsync("demo-qd2-admin")).GetAsync(Query(to.AddHours(-1), to));

        track.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await track.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("points").GetArrayLength().ShouldBe(0);
        foreach (var refused in new[] { reversed, tooLong })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain("To");
        }

        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        regulator.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        stranger.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Headcounts_answer_per_zone_and_person_type_for_everyone_in_scope()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var plan = await SitePlanEndpointTests.UploadAsync(admin, "人数测试：一期厂区");
        var scale = new { first = new { pixelX = 100, pixelY = 250 }, second = new { pixelX = 300, pixelY = 250 }, metres = 100 };
        (await admin.PutAsJsonAsync($"/api/v1/site-plans/{plan}/scale", scale)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var zone = new
        {
            geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 0.0, 0 }, new[] { 20.0, 0 }, new[] { 20.0, 20 }, new[] { 0.0, 20 } } } },
            name = "西门集合点",
            riskColor = "Blue",
            minOccupancy = 1,
            isAssemblyPoint = true,
        };
        var drawing = await admin.PostAsJsonAsync($"/api/v1/site-plans/{plan}/zones", zone);
        drawing.StatusCode.ShouldBe(HttpStatusCode.Created, await drawing.Content.ReadAsStringAsync());
        var drawn = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/site-plans/{plan}");
        var counts = await (await web.ApiClientAsync("qingdao")).GetFromJsonAsync<JsonElement>($"/api/v1/site-plans/{plan}/headcounts");
        var stranger = await (await web.ApiClientAsync("demo-qd2-admin")).GetAsync($"/api/v1/site-plans/{plan}/headcounts");

        drawn.GetProperty("zones").GetProperty("features")[0].GetProperty("properties").GetProperty("isAssemblyPoint").GetBoolean().ShouldBeTrue();
        var headcount = counts.GetProperty("zones").EnumerateArray().Single();
        (headcount.GetProperty("count").GetInt32(), headcount.GetProperty("underStaffed").GetBoolean(), headcount.GetProperty("isAssemblyPoint").GetBoolean()).ShouldBe((0, true, true));
        headcount.GetProperty("byType").GetProperty("visitor").GetInt32().ShouldBe(0);
        counts.TryGetProperty("dots", out _).ShouldBeFalse("headcounts carry no persons");
        stranger.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>A tag bound to a newly registered employee; returns the person's id.</summary>
    private static async Task<Guid> HolderAsync(HttpClient admin, string serial, string name)
    {
        var tag = await admin.PostAsJsonAsync("/api/v1/positioning/tags", new { serial, kind = "Badge" });
        var person = await admin.PostAsJsonAsync("/api/v1/positioning/persons", new { name, type = "Employee", company = (string?)null, training = "Trained" });
        var (tagId, personId) = ((await tag.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        (await admin.PostAsJsonAsync("/api/v1/positioning/bindings", new { tagId, personId, validUntil = (DateTimeOffset?)null })).EnsureSuccessStatusCode();
        return personId;
    }
}
