using System.Text;
using DualPrevention.Core.Data;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Core.VideoAlarms;
using DualPrevention.E2ETests.Accessibility;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Alarms;

/// <summary>
/// A video alarm's detail on a phone (docs/video-intake.md#evidence-and-retention): the snapshot with the algorithm's boxes
/// drawn over it, confidence, algorithm, camera with its live view, clip; the snapshot is served to the alarm's
/// enterprise only (another enterprise's user gets 404 for it and for the alarm); the duty list filters by camera.
/// </summary>
public class VideoAlarmEvidenceInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_video_alarm_shows_its_snapshot_with_the_boxes_and_the_camera_and_another_enterprise_gets_404()
    {
        var (alarm, camera, photo) = await IntakeAsync();
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync($"/alarms/{alarm}");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=video-evidence]");

        var snapshot = page.Locator("[data-testid=video-snapshot] img");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=video-snapshot] img')?.complete");
        (await snapshot.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBe(20, "the stored snapshot, turned upright (20 × 40)");
        (await page.Locator("[data-testid=video-box]").CountAsync()).ShouldBe(2);
        (await page.Locator("[data-testid=video-box]").First.GetAttributeAsync("style")).ShouldBe("left:10%;top:20%;width:30%;height:40%");
        var shown = await page.Locator("[data-testid=video-box]").First.BoundingBoxAsync();
        var picture = await snapshot.BoundingBoxAsync();
        ((double)shown!.Width).ShouldBe(picture!.Width * 0.3, 1.5, "the box scales with the picture");
        (await page.InnerTextAsync("[data-testid=video-confidence]")).ShouldBe("91 %");
        (await page.InnerTextAsync("[data-testid=video-algorithm]")).ShouldBe("SmokingDetect (dahua)");
        (await page.InnerTextAsync("[data-testid=video-camera]")).ShouldBe("证据测试摄像机");
        (await page.Locator("[data-testid=video-live]").GetAttributeAsync("href")).ShouldBe("rtsp://10.0.0.9/live");
        (await page.Locator("[data-testid=video-clip]").GetAttributeAsync("href")).ShouldBe("https://box.example.cn/clip/evidence.mp4");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-video-alarm-evidence-phone.png"), FullPage = true });

        await page.ClickAsync("[data-testid=video-camera-alarms]");
        await page.WaitForURLAsync(url => url.Contains($"camera={camera}", StringComparison.Ordinal));
        await page.Locator($"[data-testid=alarm-row][data-alarm-id='{alarm}']").WaitForAsync();
        (await page.Locator("[data-testid=alarm-list]").GetAttributeAsync("data-count")).ShouldBe("1");

        var other = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(other, "demo-qd2-admin");
        var foreign = await other.APIRequest.GetAsync($"{browser.BaseUrl}/api/v1/inspections/photos/{photo}");
        foreign.Status.ShouldBe(404);
        var own = await page.APIRequest.GetAsync($"{browser.BaseUrl}/api/v1/inspections/photos/{photo}");
        own.Status.ShouldBe(200);
        await other.GotoAsync($"/alarms/{alarm}");
        (await other.Locator("[data-testid=video-evidence]").CountAsync()).ShouldBe(0);

        var audited = await browser.NewPageAsync(width: 375, height: 812, bypassCsp: true);
        await BrowserFixture.SignInAsync(audited, "demo-qd1-admin");
        await audited.GotoAsync($"/alarms/{alarm}");
        await audited.Locator("[data-testid=video-snapshot] img").WaitForAsync();
        (await AxeCheck.SeriousViolationsAsync(audited)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_intake_status_shows_each_camera_s_alarms_and_the_refusals_to_its_enterprise_and_explains_how_to_connect_a_box_to_another()
    {
        var (_, camera, _) = await IntakeAsync();
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            var unknown = Encoding.UTF8.GetBytes($$"""{"camera":"99999999999999999999","algorithm":"Smoking","time":"{{TimeProvider.System.GetUtcNow().UtcDateTime:yyyy-MM-ddTHH:mm:ss}}Z"}""");
            (await scope.ServiceProvider.GetRequiredService<IntakeVideoAlarm.Handler>().HandleAsync(new(browser.Qd1, unknown), CancellationToken.None))
                .Refusal!.Reason.ShouldBe(VideoAlarmRejection.UnknownCamera);
        }

        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync("/video-alarms/intake");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=video-intake-cameras]");
        (await page.Locator("[data-testid=video-intake-empty]").CountAsync()).ShouldBe(0);
        var row = page.Locator("tr", new() { Has = page.Locator("[data-testid=video-intake-camera]", new() { HasText = "证据测试摄像机" }) }).First;
        (await row.Locator("[data-testid=video-intake-today]").InnerTextAsync()).ShouldBe("1");
        (await row.Locator("a").GetAttributeAsync("href")).ShouldBe($"alarms?camera={camera}");
        (await page.InnerTextAsync("[data-testid=video-intake-refused-UnknownCamera]")).ShouldBe("未登记摄像机");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        var other = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(other, "demo-qd2-admin");
        await other.GotoAsync("/video-alarms/intake");
        await BrowserFixture.WaitForPageAsync(other, "[data-testid=video-intake-empty]");
        (await other.Locator("[data-testid=video-intake-camera]", new() { HasText = "证据测试摄像机" }).CountAsync()).ShouldBe(0);
        (await other.Locator("[data-testid=video-intake-credentials]").GetAttributeAsync("href")).ShouldBe("positioning/device-credentials");
        (await other.Locator("[data-testid=video-intake-no-refusals]").CountAsync()).ShouldBe(1);
    }

    /// <summary>A camera with a live view, and a smoking alarm of it taken in as the intake takes a box's message.</summary>
    private async Task<(Guid Alarm, Guid Camera, Guid Photo)> IntakeAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var now = TimeProvider.System.GetUtcNow();
        Guid cameraId;
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync())
        {
            var region = await db.Enterprises.Where(e => e.Id == browser.Qd1).Select(e => e.RegionCode).SingleAsync();
            var camera = Camera.Register(browser.Qd1, region, new CameraDetails("证据测试摄像机", $"370211000013209{Random.Shared.Next(10000, 99999)}", "rtsp://10.0.0.9/live", null, null, null, "大华", true), null, now);
            db.Add(camera);
            await db.SaveChangesAsync();
            cameraId = camera.Id;
        }

        var message = Encoding.UTF8.GetBytes($$"""
            {"camera":"{{cameraId}}","vendor":"dahua","algorithm":"SmokingDetect","time":"{{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss}}Z","confidence":0.91,
             "boxes":[{"x":0.1,"y":0.2,"w":0.3,"h":0.4},{"x":0.5,"y":0.5,"w":0.2,"h":0.2}],"clipUrl":"https://box.example.cn/clip/evidence.mp4",
             "eventId":"evidence-{{Guid.NewGuid():N}}","snapshot":"{{Convert.ToBase64String(PhotoCorpus.PhoneJpegWithOrientation)}}"}
            """);
        var result = await scope.ServiceProvider.GetRequiredService<IntakeVideoAlarm.Handler>().HandleAsync(new(browser.Qd1, message), CancellationToken.None);
        result.Refusal.ShouldBeNull();
        return (result.Raised!.AlarmId, cameraId, result.SnapshotPhotoId!.Value);
    }
}
