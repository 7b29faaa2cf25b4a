using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Tenancy;
using DualPrevention.Core.VideoAlarms;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Web.Tests.VideoAlarms;

/// <summary>
/// <c>POST /api/v1/video-alarms</c> (ADR 0046): an AI box posts one alarm with its device credential, the snapshot as base64
/// in the JSON or as a multipart file; the alarm lands in the alarm centre with source Video and the snapshot stored as its
/// evidence. A camera of another enterprise answers 403, an oversized or undecodable snapshot and an unknown code 400,
/// each ProblemDetails naming the field and counted; no credential 401.
/// </summary>
public class VideoAlarmEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Path = "/api/v1/video-alarms";

    [Fact]
    public async Task An_alarm_posted_as_json_or_multipart_lands_in_the_alarm_centre_with_its_snapshot()
    {
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var camera = await CameraAsync(qd1, "37021100001320000501");
        var device = await DeviceAsync(qd1, "视频接入盒一");
        var now = DateTimeOffset.UtcNow;

        var json = await device.PostAsync(Path, Json(Payload(camera, "fireDetection", now.AddSeconds(-5), "http-1", PhotoCorpus.SmallPng, vendor: "hikvision")));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Payload(camera, "吸烟", now, "http-2", null, vendor: "zh"), Encoding.UTF8, "application/json"), "alarm" },
            { new ByteArrayContent(PhotoCorpus.SmallPng) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "snapshot", "snap.png" },
        };
        var multipart = await device.PostAsync(Path, form);

        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        multipart.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fire = await json.Content.ReadFromJsonAsync<JsonElement>();
        var smoking = await multipart.Content.ReadFromJsonAsync<JsonElement>();
        fire.GetProperty("outcome").GetString().ShouldBe("Raised");
        await using var db = web.OwnerContext(TenantScope.System);
        var alarms = await db.Set<Alarm>().Where(a => a.DeviceId == camera).OrderBy(a => a.OccurredAt).ToListAsync();
        alarms.Select(a => (a.EnterpriseId, a.Source, a.Category, a.Severity)).ShouldBe([
            (web.Qd1, AlarmSource.Video, "FireFlame", AlarmSeverity.Critical),
            (web.Qd1, AlarmSource.Video, "Smoking", AlarmSeverity.Major)]);
        var evidence = await db.Set<VideoAlarmEvidence>().Where(e => e.CameraId == camera).ToDictionaryAsync(e => e.AlarmId, e => e.SnapshotPhotoId);
        evidence[fire.GetProperty("alarmId").GetGuid()].ShouldBe(fire.GetProperty("snapshotPhotoId").GetGuid());
        evidence[smoking.GetProperty("alarmId").GetGuid()].ShouldBe(smoking.GetProperty("snapshotPhotoId").GetGuid());
    }

    [Fact]
    public async Task A_camera_of_another_enterprise_answers_403_and_a_bad_snapshot_or_code_400_each_naming_its_field_and_counted()
    {
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var qd2 = await web.ApiClientAsync("demo-qd2-admin");
        var own = await CameraAsync(qd1, "37021100001320000502");
        var foreign = await CameraAsync(qd2, "37021400001320000503");
        var device = await DeviceAsync(qd1, "视频接入盒二");
        var before = await RefusedAsync(web.Qd1);
        var now = DateTimeOffset.UtcNow;

        var crossTenant = await device.PostAsync(Path, Json(Payload(foreign, "Smoking", now, "x-1", PhotoCorpus.SmallPng)));
        var notImage = await device.PostAsync(Path, Json(Payload(own, "Smoking", now, "x-2", PhotoCorpus.SvgWithScript)));
        var tooLarge = await device.PostAsync(Path, Json(Payload(own, "Smoking", now, "x-3", new byte[VideoAlarmLimits.MaxSnapshotBytes + 1])));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Payload(own, "Smoking", now, "x-4", null)), "alarm" },
            { new ByteArrayContent(new byte[VideoAlarmLimits.MaxSnapshotBytes + 1]), "snapshot", "big.jpg" },
        };
        var tooLargeFile = await device.PostAsync(Path, form);
        var unknownCode = await device.PostAsync(Path, Json(Payload(own, "VideoMotion", now, "x-5", null, vendor: "dahua")));

        await ShouldBeProblemAsync(crossTenant, HttpStatusCode.Forbidden, "camera", "OtherEnterprise");
        await ShouldBeProblemAsync(notImage, HttpStatusCode.BadRequest, "snapshot", "SnapshotNotImage");
        await ShouldBeProblemAsync(tooLarge, HttpStatusCode.BadRequest, "snapshot", "SnapshotTooLarge");
        await ShouldBeProblemAsync(tooLargeFile, HttpStatusCode.BadRequest, "snapshot", "SnapshotTooLarge");
        await ShouldBeProblemAsync(unknownCode, HttpStatusCode.BadRequest, "algorithm", "UnknownAlgorithm");
        await using var db = web.OwnerContext(TenantScope.System);
        (await db.Set<Alarm>().CountAsync(a => a.DeviceId == foreign || a.DeviceId == own)).ShouldBe(0);
        ((await RefusedAsync(web.Qd1)) - before).ShouldBe(5);
    }

    [Fact]
    public async Task A_refusal_speaks_chinese_unless_the_request_asks_for_english()
    {
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var own = await CameraAsync(qd1, "37021100001320000504");
        var device = await DeviceAsync(qd1, "视频接入盒语言");
        var body = Payload(own, "VideoMotion", DateTimeOffset.UtcNow, "lang-1", null, vendor: "dahua");

        var chinese = await device.PostAsync(Path, Json(body));
        using var english = new HttpRequestMessage(HttpMethod.Post, Path) { Content = Json(body), Headers = { AcceptLanguage = { new("en-US") } } };
        var inEnglish = await device.SendAsync(english);
        var wrongSecret = web.Factory.CreateClient();
        wrongSecret.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("device-nobody:wrong"u8.ToArray()));
        var unauthenticated = await wrongSecret.PostAsync(Path, Json(body));

        var zh = await ShouldBeProblemAsync(chinese, HttpStatusCode.BadRequest, "algorithm", "UnknownAlgorithm");
        (zh.GetProperty("title").GetString(), zh.GetProperty("errors").GetProperty("algorithm")[0].GetString())
            .ShouldBe(("视频报警被拒收", "算法代码在其代码集中没有对应的报警类别；请在分析盒上关闭该算法的推送。"));
        zh.GetProperty("detail").GetString().ShouldStartWith("拒收原因 UnknownAlgorithm（字段 algorithm）");
        var en = await ShouldBeProblemAsync(inEnglish, HttpStatusCode.BadRequest, "algorithm", "UnknownAlgorithm");
        (en.GetProperty("title").GetString(), en.GetProperty("errors").GetProperty("algorithm")[0].GetString())
            .ShouldBe(("Video alarm refused", "The algorithm code maps onto no alarm category in its code set; configure the box not to send it."));
        unauthenticated.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await unauthenticated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("设备未通过认证");
    }

    [Fact]
    public async Task A_request_over_the_limit_is_refused_413_saying_in_the_users_language_that_the_snapshot_is_too_large_and_the_limit()
    {
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var own = await CameraAsync(qd1, "37021100001320000505");
        var device = await DeviceAsync(qd1, "视频接入盒大图");
        var before = await RefusedAsync(web.Qd1);

        async Task<HttpResponseMessage> PostLargeAsync(string? language)
        {
            // 5.7 MiB: a camera's full-resolution picture, over the request limit (twice the message limit, about 5.5 MiB).
            var form = new MultipartFormDataContent
            {
                { new StringContent(Payload(own, "Smoking", DateTimeOffset.UtcNow, $"big-{language}", null)), "alarm" },
                { new ByteArrayContent(new byte[(int)(5.7 * 1024 * 1024)]) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "snapshot", "full.jpg" },
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = form };
            if (language is not null)
            {
                request.Headers.AcceptLanguage.Add(new(language));
            }

            return await device.SendAsync(request);
        }

        var zh = await ShouldBeProblemAsync(await PostLargeAsync(null), HttpStatusCode.RequestEntityTooLarge, "snapshot", "SnapshotTooLarge");
        var en = await ShouldBeProblemAsync(await PostLargeAsync("en-US"), HttpStatusCode.RequestEntityTooLarge, "snapshot", "SnapshotTooLarge");

        zh.GetProperty("errors").GetProperty("snapshot")[0].GetString().ShouldBe("抓拍图片过大：解码后最大 2 MiB（2,097,152 字节），整个请求最大 5.5 MiB。");
        en.GetProperty("errors").GetProperty("snapshot")[0].GetString().ShouldBe("The snapshot is too large: at most 2 MiB (2,097,152 bytes) after base64 decoding, and a request at most 5.5 MiB in all.");
        en.GetProperty("title").GetString().ShouldBe("Video alarm refused");
        ((await RefusedAsync(web.Qd1)) - before).ShouldBe(2);
    }

    [Fact]
    public async Task A_text_body_from_an_authenticated_device_is_refused_415_naming_the_accepted_types_and_without_a_login_401()
    {
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var device = await DeviceAsync(qd1, "视频接入盒文本");
        // A Dahua box's own event, posted as its eventManager writes it.
        const string dahua = "Code=SmokingDetect;action=Start;index=0;data={\"Name\":\"SmokingDetect\"}";
        var before = await RefusedAsync(web.Qd1);

        var text = await device.PostAsync(Path, new StringContent(dahua, Encoding.UTF8, "text/plain"));
        var anonymous = await web.Factory.CreateClient().PostAsync(Path, new StringContent(dahua, Encoding.UTF8, "text/plain"));

        text.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        text.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await text.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("accepted").EnumerateArray().Select(t => t.GetString()).ShouldBe(["application/json", "multipart/form-data"]);
        problem.GetProperty("title").GetString().ShouldBe("不支持的内容类型");
        problem.GetProperty("detail").GetString()!.ShouldContain("text/plain");
        ((await RefusedAsync(web.Qd1)) - before).ShouldBe(1);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task No_credential_or_a_users_token_is_refused_401()
    {
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var body = Payload(Guid.NewGuid(), "Smoking", DateTimeOffset.UtcNow, "n-1", null);

        var anonymous = await web.Factory.CreateClient().PostAsync(Path, Json(body));
        var user = await qd1.PostAsync(Path, Json(body));

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        user.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<JsonElement> ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field, string reason)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([field]);
        problem.GetProperty("reason").GetString().ShouldBe(reason);
        return problem;
    }

    private static string Payload(Guid camera, string algorithm, DateTimeOffset at, string eventId, byte[]? snapshot, string? vendor = null)
    {
        var vendorField = vendor is null ? "" : $"\"vendor\":\"{vendor}\",";
        var snapshotField = snapshot is null ? "" : $",\"snapshot\":\"{Convert.ToBase64String(snapshot)}\"";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {"camera":"{{camera}}",{{vendorField}}"algorithm":"{{algorithm}}","time":"{{at.ToUniversalTime():yyyy-MM-ddTHH:mm:ss.fff}}Z","confidence":0.8,
             "boxes":[{"x":0.1,"y":0.1,"w":0.2,"h":0.3}],"clipUrl":"https://box.example.cn/clip/2.mp4","eventId":"{{eventId}}"{{snapshotField}}}
            """);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<Guid> CameraAsync(HttpClient admin, string deviceId)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/cameras", new { name = "视频报警摄像机" + deviceId[^3..], deviceId, streamUrl = "rtsp://10.0.0.8/ch1", sitePlanId = (Guid?)null, x = (double?)null, y = (double?)null, vendor = "海康威视", hasAnalytics = true });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<HttpClient> DeviceAsync(HttpClient admin, string name)
    {
        var issued = await (await admin.PostAsJsonAsync("/api/v1/positioning/device-credentials", new { name })).Content.ReadFromJsonAsync<JsonElement>();
        var client = web.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{issued.GetProperty("username").GetString()}:{issued.GetProperty("secret").GetString()}")));
        return client;
    }

    private async Task<long> RefusedAsync(Guid enterpriseId)
    {
        await using var db = web.OwnerContext(TenantScope.System);
        return await db.Set<VideoAlarmRefusalCount>().Where(c => c.EnterpriseId == enterpriseId).SumAsync(c => c.Count);
    }
}
