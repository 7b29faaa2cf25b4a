using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DualPrevention.Web.Tests.Positioning;

/// <summary>
/// <c>/api/v1/cameras</c>: the enterprise's duty roles add, change and retire cameras; a device id that is not
/// GB/T 28181's and a stream URL of another scheme answer 400 ProblemDetails naming the field; a used device id 409;
/// another enterprise and another city's regulator neither see nor touch the camera (404), the own city's reads it.
/// </summary>
public class CameraEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_duty_role_adds_changes_and_retires_a_camera()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");

        var created = await admin.PostAsJsonAsync("/api/v1/cameras", Camera("罐区西侧球机", "37021100001320000101"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var taken = await admin.PostAsJsonAsync("/api/v1/cameras", Camera("重复", "37021100001320000101"));
        var changed = await admin.PutAsJsonAsync($"/api/v1/cameras/{id}", Camera("罐区西侧球机（改）", "37021100001320000101"));
        var retired = await admin.PostAsync($"/api/v1/cameras/{id}/retire", null);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/cameras?search=37021100001320000101&active=false");

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        retired.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var row = list.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("name").GetString().ShouldBe("罐区西侧球机（改）");
    }

    [Theory]
    [InlineData("3702110000132000010", "rtsp://10.0.0.8/ch1", "DeviceId")]
    [InlineData("37021100001110000102", "rtsp://10.0.0.8/ch1", "DeviceId")]
    [InlineData("37021100001320000102", "ftp://10.0.0.8/ch1", "StreamUrl")]
    public async Task A_malformed_camera_answers_400_naming_the_field(string deviceId, string url, string field)
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");

        var response = await admin.PostAsJsonAsync("/api/v1/cameras", Camera("门卫", deviceId, url));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([field]);
    }

    [Theory]
    [InlineData("demo-qd2-admin")]
    [InlineData("weifang")]
    public async Task Another_tenant_neither_sees_nor_touches_the_camera(string userName)
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var created = await admin.PostAsJsonAsync("/api/v1/cameras", Camera("仓库", $"3702110000132{Random.Shared.Next(1_000_000, 9_999_999)}"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stranger = await web.ApiClientAsync(userName);
        var city = await web.ApiClientAsync("qingdao");

        var seen = await stranger.GetFromJsonAsync<JsonElement>("/api/v1/cameras?pageSize=200");
        seen.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldNotContain(id);
        var own = await city.GetFromJsonAsync<JsonElement>("/api/v1/cameras?pageSize=200");
        own.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldContain(id);
        if (userName == "demo-qd2-admin")
        {
            (await stranger.PostAsync($"/api/v1/cameras/{id}/retire", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await stranger.PutAsJsonAsync($"/api/v1/cameras/{id}", Camera("改", "37021400001320000001"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        else
        {
            (await stranger.PostAsync($"/api/v1/cameras/{id}/retire", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    private static object Camera(string name, string deviceId, string url = "rtsp://10.0.0.8/ch1") =>
        new { name, deviceId, streamUrl = url, sitePlanId = (Guid?)null, x = (double?)null, y = (double?)null, vendor = "大华", hasAnalytics = false };
}
