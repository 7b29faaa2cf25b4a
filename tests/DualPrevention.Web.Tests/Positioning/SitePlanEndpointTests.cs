using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace DualPrevention.Web.Tests.Positioning;

/// <summary>
/// <c>/api/v1/site-plans</c> and the site-plan pages (ADR 0029): an enterprise uploads a plan image, scales it by two
/// points, draws, changes and deletes zones as GeoJSON; its region's regulator reads the plan, its image and the
/// four-colour map but changes nothing; another enterprise and another region's regulator find nothing at all.
/// </summary>
public class SitePlanEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    /// <summary>400 × 300 pixels; the points (100, 250) and (300, 250) are 200 px apart, scaled to 100 m below.</summary>
    private static readonly object Scale = new { first = new { pixelX = 100, pixelY = 250 }, second = new { pixelX = 300, pixelY = 250 }, metres = 100 };

    [Fact]
    public async Task An_admin_uploads_scales_and_draws_a_zone_that_the_plan_answers_as_geojson_in_metres()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");

        var planId = await UploadAsync(admin, "上传测试：一期厂区");
        (await admin.PutAsJsonAsync($"/api/v1/site-plans/{planId}/scale", Scale)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var zoneId = await DrawAsync(admin, planId, "罐区", "Red");
        var plan = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/site-plans/{planId}");
        var image = await admin.GetAsync($"/api/v1/site-plans/{planId}/image");

        (plan.GetProperty("imageWidth").GetInt32(), plan.GetProperty("imageHeight").GetInt32(), plan.GetProperty("isScaled").GetBoolean()).ShouldBe((400, 300, true));
        plan.GetProperty("metresPerPixel").GetDouble().ShouldBe(0.5, 1e-9);
        var feature = plan.GetProperty("zones").GetProperty("features").EnumerateArray().Single();
        feature.GetProperty("id").GetGuid().ShouldBe(zoneId);
        feature.GetProperty("geometry").GetProperty("type").GetString().ShouldBe("Polygon");
        feature.GetProperty("geometry").GetProperty("coordinates")[0].GetArrayLength().ShouldBe(5, "the ring is closed");
        feature.GetProperty("properties").GetProperty("mapColor").GetString().ShouldBe("Red");
        image.StatusCode.ShouldBe(HttpStatusCode.OK);
        image.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        using var decoded = SKBitmap.Decode(await image.Content.ReadAsByteArrayAsync());
        (decoded.Width, decoded.Height).ShouldBe((400, 300));
    }

    [Fact]
    public async Task A_corrected_scale_keeps_the_zones_on_the_image_by_carrying_them_into_the_new_metres()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var planId = await UploadAsync(admin, "比例修正测试：罐区");
        await admin.PutAsJsonAsync($"/api/v1/site-plans/{planId}/scale", Scale);
        await DrawAsync(admin, planId, "修正区", "Red");

        var halved = new { first = new { pixelX = 100, pixelY = 250 }, second = new { pixelX = 300, pixelY = 250 }, metres = 50 };
        (await admin.PutAsJsonAsync($"/api/v1/site-plans/{planId}/scale", halved)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var plan = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/site-plans/{planId}");

        plan.GetProperty("metresPerPixel").GetDouble().ShouldBe(0.25, 1e-9);
        var corners = plan.GetProperty("zones").GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0]
            .EnumerateArray().Select(c => (Math.Round(c[0].GetDouble(), 6), Math.Round(c[1].GetDouble(), 6))).ToList();
        corners.ShouldContain((10.0, 10.0), "20 m at 0.5 m per pixel are 40 pixels, 10 m at 0.25 m per pixel");
        corners.ShouldContain((0.0, 0.0), "the origin stays where it was");
    }

    [Fact]
    public async Task Another_enterprise_and_another_regions_regulator_find_no_plan_zone_image_or_page_and_the_own_regulator_only_reads()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var planId = await UploadAsync(admin, "隔离测试：二期厂区");
        await admin.PutAsJsonAsync($"/api/v1/site-plans/{planId}/scale", Scale);
        var zoneId = await DrawAsync(admin, planId, "隔离测试区", "Orange");

        foreach (var outsider in new[] { await web.ApiClientAsync("demo-wf1-admin"), await web.ApiClientAsync("weifang") })
        {
            (await outsider.GetAsync($"/api/v1/site-plans/{planId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await outsider.GetAsync($"/api/v1/site-plans/{planId}/image")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await outsider.GetStringAsync($"/api/v1/site-plans?enterpriseId={web.Qd1}")).ShouldNotContain(planId.ToString());
        }

        var wf1 = await web.ApiClientAsync("demo-wf1-admin");
        (await wf1.PutAsJsonAsync($"/api/v1/site-plans/{planId}/scale", Scale)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wf1.PostAsJsonAsync($"/api/v1/site-plans/{planId}/zones", Zone("闯入", "Blue"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wf1.PutAsJsonAsync($"/api/v1/site-plans/zones/{zoneId}", Zone("改名", "Blue"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wf1.DeleteAsync($"/api/v1/site-plans/zones/{zoneId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wf1.DeleteAsync($"/api/v1/site-plans/{planId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var regulator = await web.ApiClientAsync("qingdao");
        (await regulator.GetAsync($"/api/v1/site-plans/{planId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await regulator.GetAsync($"/api/v1/site-plans/{planId}/image")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await regulator.GetStringAsync($"/api/v1/site-plans?enterpriseId={web.Qd1}")).ShouldContain(planId.ToString());
        (await regulator.PutAsJsonAsync($"/api/v1/site-plans/zones/{zoneId}", Zone("监管改名", "Blue"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await regulator.DeleteAsync($"/api/v1/site-plans/{planId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var ownPage = await (await web.CookieClientAsync("demo-qd1-admin")).GetStringAsync($"/site-plans/{planId}/four-color-map");
        var regulatorPage = await (await web.CookieClientAsync("qingdao")).GetStringAsync($"/site-plans/{planId}/four-color-map");
        var foreignPage = await (await web.CookieClientAsync("demo-wf1-admin")).GetStringAsync($"/site-plans/{planId}/four-color-map");
        var foreignEditor = await (await web.CookieClientAsync("demo-wf1-admin")).GetStringAsync($"/site-plans/{planId}");
        var foreignList = await (await web.CookieClientAsync("weifang")).GetStringAsync($"/site-plans?enterprise={web.Qd1}");
        ownPage.ShouldContain("隔离测试区");
        regulatorPage.ShouldContain("隔离测试区");
        foreignPage.ShouldNotContain("隔离测试区");
        foreignPage.ShouldContain("four-color-map-not-found");
        foreignEditor.ShouldNotContain("隔离测试区");
        foreignList.ShouldNotContain("隔离测试：二期厂区");
    }

    [Fact]
    public async Task A_zone_is_refused_with_400_naming_the_field_before_the_scale_is_set_or_with_a_broken_outline()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var planId = await UploadAsync(admin, "校验测试：仓库");

        var unscaled = await admin.PostAsJsonAsync($"/api/v1/site-plans/{planId}/zones", Zone("未定比例", "Red"));
        await admin.PutAsJsonAsync($"/api/v1/site-plans/{planId}/scale", Scale);
        var line = await admin.PostAsJsonAsync($"/api/v1/site-plans/{planId}/zones", new { geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 0.0, 0 }, new[] { 10.0, 0 } } } }, name = "线", riskColor = "Red" });
        var nameless = await admin.PostAsJsonAsync($"/api/v1/site-plans/{planId}/zones", Zone("", "Red"));
        var notAnImage = await UploadRawAsync(admin, "校验测试：文本", "plan.png", "not a picture"u8.ToArray());

        unscaled.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        line.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await line.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("geometry", out _).ShouldBeTrue();
        nameless.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await nameless.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Name", out _).ShouldBeTrue();
        notAnImage.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notAnImage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("plan.png");
    }

    [Fact]
    public async Task Changing_a_zone_and_deleting_the_plan_leave_audit_entries_and_remove_the_image()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var planId = await UploadAsync(admin, "审计测试：办公楼");
        await admin.PutAsJsonAsync($"/api/v1/site-plans/{planId}/scale", Scale);
        var zoneId = await DrawAsync(admin, planId, "审计区", "Yellow");

        var update = await admin.PutAsJsonAsync($"/api/v1/site-plans/zones/{zoneId}", Zone("审计区（改）", "Blue", maxOccupancy: 8));
        var afterUpdate = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/site-plans/{planId}");
        var delete = await admin.DeleteAsync($"/api/v1/site-plans/{planId}");

        update.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var properties = afterUpdate.GetProperty("zones").GetProperty("features")[0].GetProperty("properties");
        (properties.GetProperty("name").GetString(), properties.GetProperty("riskColor").GetString(), properties.GetProperty("maxOccupancy").GetInt32()).ShouldBe(("审计区（改）", "Blue", 8));
        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetAsync($"/api/v1/site-plans/{planId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/v1/site-plans/{planId}/image")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = web.OwnerContext(TenantScope.System);
        var ids = new[] { planId.ToString(), zoneId.ToString() };
        var actions = (await db.AuditEntries.Where(e => ids.Contains(e.EntityId)).Select(e => new { e.EntityType, e.Action }).ToListAsync())
            .Select(e => (e.EntityType, e.Action)).ToList();
        actions.ShouldContain(("SitePlan", AuditAction.Delete));
        actions.ShouldContain(("Zone", AuditAction.Update));
        actions.ShouldContain(("Zone", AuditAction.Delete));
    }

    [Fact]
    public async Task A_zones_people_are_set_and_read_by_its_enterprise_only_and_a_visitors_escort_shows_on_the_binding()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var planId = await UploadAsync(admin, "名单测试：罐区");
        await admin.PutAsJsonAsync($"/api/v1/site-plans/{planId}/scale", Scale);
        var zoneId = await DrawAsync(admin, planId, "名单测试区", "Red");
        var escortId = await CreateAsync(admin, "/api/v1/positioning/persons", new { name = "名单陪同员工", type = "Employee", training = "Trained" });
        var visitorId = await CreateAsync(admin, "/api/v1/positioning/persons", new { name = "名单审批访客", type = "Visitor", company = "设计院", training = "Trained" });
        var tagId = await CreateAsync(admin, "/api/v1/positioning/tags", new { serial = "API-ESC-01", kind = "Badge" });

        var set = await admin.PutAsJsonAsync($"/api/v1/site-plans/zones/{zoneId}/people", new { whitelisted = new[] { visitorId }, required = new[] { escortId } });
        set.StatusCode.ShouldBe(HttpStatusCode.NoContent, await set.Content.ReadAsStringAsync());
        var lists = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/site-plans/zones/{zoneId}/people");
        lists.GetProperty("whitelisted").EnumerateArray().Single().GetProperty("name").GetString().ShouldBe("名单审批访客");
        lists.GetProperty("required").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(escortId);

        var selfEscort = await admin.PostAsJsonAsync("/api/v1/positioning/bindings", new { tagId, personId = visitorId, validUntil = DateTimeOffset.UtcNow.AddHours(4), escortPersonId = visitorId });
        selfEscort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await CreateAsync(admin, "/api/v1/positioning/bindings", new { tagId, personId = visitorId, validUntil = DateTimeOffset.UtcNow.AddHours(4), escortPersonId = escortId });
        var held = await admin.GetFromJsonAsync<JsonElement>("/api/v1/positioning/bindings?search=API-ESC-01");
        held.GetProperty("items").EnumerateArray().Single().GetProperty("escortName").GetString().ShouldBe("名单陪同员工");

        var wf1 = await web.ApiClientAsync("demo-wf1-admin");
        (await wf1.GetAsync($"/api/v1/site-plans/zones/{zoneId}/people")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wf1.PutAsJsonAsync($"/api/v1/site-plans/zones/{zoneId}/people", new { whitelisted = Array.Empty<Guid>() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var wf1Plan = await UploadAsync(wf1, "名单测试：潍坊");
        await wf1.PutAsJsonAsync($"/api/v1/site-plans/{wf1Plan}/scale", Scale);
        var wf1Zone = await DrawAsync(wf1, wf1Plan, "潍坊名单区", "Red");
        (await wf1.PutAsJsonAsync($"/api/v1/site-plans/zones/{wf1Zone}/people", new { whitelisted = new[] { visitorId } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await web.ApiClientAsync("qingdao")).GetAsync($"/api/v1/site-plans/zones/{zoneId}/people")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/site-plans/zones/{zoneId}/people")).GetProperty("whitelisted").GetArrayLength().ShouldBe(1);
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static object Zone(string name, string color, int? maxOccupancy = null) => new
    {
        geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 0.0, 0 }, new[] { 20.0, 0 }, new[] { 20.0, 20 }, new[] { 0.0, 20 } } } },
        name,
        riskColor = color,
        isFireExplosionArea = true,
        maxOccupancy,
    };

    private static async Task<Guid> DrawAsync(HttpClient client, Guid planId, string name, string color)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/site-plans/{planId}/zones", Zone(name, color));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    internal static async Task<Guid> UploadAsync(HttpClient client, string name)
    {
        var response = await UploadRawAsync(client, name, "plan.png", PlanImage());
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> UploadRawAsync(HttpClient client, string name, string fileName, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(name), "name");
        return await client.PostAsync("/api/v1/site-plans", form);
    }

    private static byte[] PlanImage()
    {
        using var bitmap = new SKBitmap(400, 300);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.Gray, StrokeWidth = 4, Style = SKPaintStyle.Stroke };
            canvas.DrawRect(40, 40, 320, 220, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
