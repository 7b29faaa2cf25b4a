using Microsoft.Playwright;
using SkiaSharp;

namespace DualPrevention.E2ETests.Positioning;

/// <summary>
/// An enterprise administrator uploads a site plan, sets its scale by clicking two points on it, draws a red zone by
/// clicking its corners, and sees the zone red on the four-colour risk map (ADR 0029).
/// </summary>
public class SitePlanInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_uploads_a_plan_scales_it_by_two_points_draws_a_red_zone_and_sees_it_on_the_four_colour_map()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync("/site-plans");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=site-plan-upload]");

        await page.FillAsync("[data-testid=site-plan-name]", "浏览器上传的平面图");
        await page.Locator("[data-testid=site-plan-name]").PressAsync("Tab");
        await UploadAsync(page);
        await PickAsync(page, 100, 250, "[data-testid=scale-instructions]:has-text('1/2')");
        await PickAsync(page, 300, 250, "[data-testid=scale-instructions]:has-text('2/2')");
        await page.FillAsync("[data-testid=scale-metres]", "100");
        await page.Locator("[data-testid=scale-metres]").PressAsync("Tab");
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=save-scale]", "[data-testid=site-plan-scale]");
        (await page.TextContentAsync("[data-testid=site-plan-scale]"))!.ShouldContain("0.5");

        await BrowserFixture.ClickUntilAsync(page, "[data-testid=draw-zone]", "[data-testid=draw-instructions]");
        var corners = new[] { (60, 60), (200, 60), (200, 160), (60, 160) };
        for (var i = 0; i < corners.Length; i++)
        {
            await PickAsync(page, corners[i].Item1, corners[i].Item2, $"[data-testid=draw-instructions]:has-text('{i + 1} 个角点')");
        }

        await BrowserFixture.ClickUntilAsync(page, "[data-testid=finish-zone]", "[data-testid=zone-dialog]");
        await page.FillAsync("[data-testid=zone-name]", "浏览器画的红区");
        await page.ClickAsync("[data-testid=zone-color] .mud-select");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('红色')");
        await page.ClickAsync("[data-testid=save-zone]");
        await page.WaitForSelectorAsync("[data-testid=zone-row-name]:has-text('浏览器画的红区')");

        await page.ClickAsync("[data-testid=open-four-color-map]");
        await page.WaitForSelectorAsync("[data-testid=four-color-legend]");
        await page.WaitForSelectorAsync("svg [data-testid=zone-Red]");
        (await page.TextContentAsync("[data-testid=four-color-zones]"))!.ShouldContain("浏览器画的红区");
    }

    /// <summary>Chooses the plan image once the page is interactive, again if the choice was lost before the input's script attached.</summary>
    private static async Task UploadAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("[data-testid=site-plan-file]").SetInputFilesAsync(new FilePayload { Name = "plan.png", MimeType = "image/png", Buffer = PlanImage() });
            try
            {
                await page.WaitForSelectorAsync("[data-testid=scale-instructions]", new PageWaitForSelectorOptions { Timeout = 10_000 });
                await BrowserFixture.WaitForInteractiveAsync(page);
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Clicks the plan at image pixel (x, y) until the page shows <paramref name="outcome"/>, without clicking twice once it does.</summary>
    private static async Task PickAsync(IPage page, int x, int y, string outcome)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("[data-testid=site-plan-canvas]").ClickAsync(new LocatorClickOptions { Position = new Position { X = x, Y = y } });
            try
            {
                await page.WaitForSelectorAsync(outcome, new PageWaitForSelectorOptions { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }

    private static byte[] PlanImage()
    {
        using var bitmap = new SKBitmap(400, 300);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.DimGray, StrokeWidth = 4, Style = SKPaintStyle.Stroke };
            canvas.DrawRect(40, 40, 320, 220, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
