using DualPrevention.Core.Data;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Risks.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace DualPrevention.Core.Demo;

/// <summary>
/// The demo's site plans (ADR 0029): each demo enterprise gets a plan drawn with Skia (roads, buildings, a tank farm),
/// uploaded, scaled and zoned through the real handlers, one zone per building with the register's units linked in
/// register order, so the first start shows a four-colour risk map. Skipped when the enterprise has a plan already.
/// </summary>
internal static class DemoSitePlans
{
    /// <summary>1,200 × 800 pixels at 0.25 m per pixel: a plant of 300 × 200 m.</summary>
    private const int Width = 1200;

    private const int Height = 800;

    private const double MetresPerPixel = 0.25;

    private const PersonTypes Staff = PersonTypes.Employee | PersonTypes.Contractor | PersonTypes.Driver;
    private const PersonTypes Everyone = Staff | PersonTypes.Visitor;

    /// <summary>The buildings, in image pixels (left, top, right, bottom), with the colour chosen where no unit is linked, and the most people each may hold.</summary>
    private static readonly (string Name, SKRectI Box, RiskColor Color, int MaxOccupancy)[] Buildings =
    [
        // Capacities above what the positioning simulator's 300 walkers put in each building (about 100 in each
        // open one), so a new user meets the scripted visitor's alarm, not an over-capacity alarm that never ends.
        ("罐区", new SKRectI(80, 80, 480, 360), RiskColor.Red, 20),
        ("生产装置区", new SKRectI(560, 80, 1120, 360), RiskColor.Orange, 150),
        ("仓库", new SKRectI(80, 440, 480, 720), RiskColor.Yellow, 150),
        ("办公楼", new SKRectI(560, 440, 1120, 720), RiskColor.Blue, 200),
    ];

    /// <returns>Whether a plan was added.</returns>
    public static async Task<bool> DrawIfNoneAsync(IServiceScopeFactory scopes, Guid enterpriseId, string adminUserName, CancellationToken cancellationToken)
    {
        await using var scope = DemoImports.AdminScope(scopes, enterpriseId, adminUserName, out var actor);
        List<Guid> units;
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (await db.Set<SitePlan>().AnyAsync(cancellationToken))
            {
                return false;
            }

            units = await db.Set<RiskAnalysisUnit>().Where(u => !u.IsDeleted).OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken);
        }

        using var image = new MemoryStream(PlanImage());
        var planId = await scope.ServiceProvider.GetRequiredService<UploadSitePlan.Handler>()
            .HandleAsync(actor, new UploadSitePlan.Command("全厂总平面图", image, "site-plan.png"), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SetSitePlanScale.Handler>().HandleAsync(actor, new SetSitePlanScale.Command(
            planId, new ScaleInput(new ReferencePoint(0, Height), new ReferencePoint(Width, Height), Width * MetresPerPixel)), cancellationToken);
        var draw = scope.ServiceProvider.GetRequiredService<DrawZone.Handler>();
        var factory = new GeometryFactory(new PrecisionModel(), 0);
        for (var i = 0; i < Buildings.Length; i++)
        {
            var (name, box, color, capacity) = Buildings[i];
            var outline = factory.ToGeometry(new Envelope(
                box.Left * MetresPerPixel, box.Right * MetresPerPixel, (Height - box.Bottom) * MetresPerPixel, (Height - box.Top) * MetresPerPixel));
            var linked = units.Skip(i * 3).Take(3).ToList();

            // Visitors stay out of red and orange zones (docs/domain/positioning.md#42-contractors-and-visitors): the fence rules raise their entry.
            var hazardous = color is RiskColor.Red or RiskColor.Orange;
            await draw.HandleAsync(actor, new DrawZone.Command(
                planId, new ZoneDetails(name, (Polygon)outline, color, IsFireExplosionArea: hazardous, MaxOccupancy: capacity, AllowedPersonTypes: hazardous ? Staff : Everyone),
                linked, []), cancellationToken);
        }

        return true;
    }

    private static byte[] PlanImage()
    {
        using var bitmap = new SKBitmap(Width, Height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xF5, 0xF5, 0xF0));
            using var road = new SKPaint { Color = new SKColor(0xBD, 0xBD, 0xBD), Style = SKPaintStyle.Fill };
            canvas.DrawRect(0, 380, Width, 40, road);
            canvas.DrawRect(500, 0, 40, Height, road);
            using var wall = new SKPaint { Color = new SKColor(0x42, 0x42, 0x42), Style = SKPaintStyle.Stroke, StrokeWidth = 4, IsAntialias = true };
            foreach (var (_, box, _, _) in Buildings)
            {
                canvas.DrawRect(box, wall);
            }

            for (var tank = 0; tank < 4; tank++)
            {
                canvas.DrawCircle(160 + (tank % 2 * 200), 160 + (tank / 2 * 120), 50, wall);
            }
        }

        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
