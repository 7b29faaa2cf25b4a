using Microsoft.Playwright;
using SkiaSharp;

namespace DualPrevention.E2ETests.Positioning;

/// <summary>What an administrator does on the site-plan pages, step by step, for the browser tests that start from a plan of their own.</summary>
internal static class SitePlanSteps
{
    /// <summary>Uploads a 400 × 300 px plan named <paramref name="name"/> on /site-plans and scales it: 200 px are 100 m (0.5 m a pixel).</summary>
    public static async Task UploadScaledPlanAsync(IPage page, string name)
    {
        await page.GotoAsync("/site-plans");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=site-plan-upload]");
        await page.FillAsync("[data-testid=site-plan-name]", name);
        await page.Locator("[data-testid=site-plan-name]").PressAsync("Tab");
        await UploadAsync(page);
        await PickAsync(page, 100, 250, "[data-testid=scale-instructions]:has-text('1/2')");
        await PickAsync(page, 300, 250, "[data-testid=scale-instructions]:has-text('2/2')");
        await page.FillAsync("[data-testid=scale-metres]", "100");
        await page.Locator("[data-testid=scale-metres]").PressAsync("Tab");
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=save-scale]", "[data-testid=site-plan-scale]");
    }

    /// <summary>Draws a red zone by clicking its corners (image pixels) and names it; <paramref name="closedToVisitors"/> unticks 访客.</summary>
    public static async Task DrawRedZoneAsync(IPage page, string name, (int X, int Y)[] corners, bool closedToVisitors = false)
    {
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=draw-zone]", "[data-testid=draw-instructions]");
        for (var i = 0; i < corners.Length; i++)
        {
            await PickAsync(page, corners[i].X, corners[i].Y, $"[data-testid=draw-instructions]:has-text('{i + 1} 个角点')");
        }

        await BrowserFixture.ClickUntilAsync(page, "[data-testid=finish-zone]", "[data-testid=zone-dialog]");
        await page.FillAsync("[data-testid=zone-name]", name);
        await page.ClickAsync("[data-testid=zone-color] .mud-select");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('红色')");
        if (closedToVisitors)
        {
            await page.Locator("[data-testid=zone-dialog] .mud-checkbox", new PageLocatorOptions { HasText = "访客" }).ClickAsync();
        }

        await page.ClickAsync("[data-testid=save-zone]");
        await page.WaitForSelectorAsync($"[data-testid=zone-row-name]:has-text('{name}')");
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
            await ClickOnMapAsync(page, x, y);
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

    /// <summary>
    /// Clicks image pixel (x, y) of the Leaflet map by the map's own transform (ADR 0044): the map writes its current
    /// scale and the container point of pixel (0, 0) into data attributes after every zoom and move. The click lands on
    /// whole CSS pixels of the viewport (as a browser reports a mouse), so the point is rounded there, not inside the map.
    /// </summary>
    public static async Task ClickOnMapAsync(IPage page, double x, double y)
    {
        var map = page.Locator("[data-testid=site-plan-map][data-ready=true]");
        await map.ScrollIntoViewIfNeededAsync();
        var at = await map.EvaluateAsync<double[]>(
            """
            (map, [x, y]) => {
              const box = map.getBoundingClientRect();
              const scale = Number(map.dataset.scale);
              return [Math.round(box.left + map.clientLeft + Number(map.dataset.offsetX) + x * scale),
                      Math.round(box.top + map.clientTop + Number(map.dataset.offsetY) + y * scale)];
            }
            """, new[] { x, y });
        await page.Mouse.ClickAsync((float)at[0], (float)at[1]);
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
