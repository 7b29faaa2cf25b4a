using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Risks.Register;
using DualPrevention.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;
using SkiaSharp;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// Site plans and zones on PostgreSQL with PostGIS (ADR 0029): outlines round-trip as SRID 0 polygons, invalid ones are
/// refused by the validator and by the database, the four-colour map takes the linked units' highest level, and
/// another tenant finds nothing, through the handlers and through row-level security alone.
/// </summary>
public class SitePlanZoneTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly GeometryFactory Metres = new(new PrecisionModel(), 0);

    [Fact]
    public async Task A_plan_scaled_by_two_points_maps_pixels_to_metres_with_y_up()
    {
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        await using var driver = new RegisterDriver(database);

        var planId = await CreatePlanAsync(driver, admin, "比例平面图");

        await using var db = database.OwnerContext(TenantScope.System);
        var plan = await db.Set<SitePlan>().SingleAsync(p => p.Id == planId);
        plan.MetresPerPixel.ShouldBe(0.5, 1e-9, "300 px between the points are 150 m");
        plan.ToMetres(400, 700).ShouldBe((150.0, 50.0), "x right and y up from the first point (100, 800)");
    }

    [Fact]
    public async Task A_drawn_zone_round_trips_as_a_postgis_polygon_of_srid_0()
    {
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        await using var driver = new RegisterDriver(database);
        var planId = await CreatePlanAsync(driver, admin, "往返平面图");
        var outline = Square(10, 20, 30);

        var zoneId = await DrawAsync(driver, admin, planId, new ZoneDetails(
            "罐区", outline, RiskColor.Orange, IsFireExplosionArea: true, MaxOccupancy: 12, MinOccupancy: 2,
            AllowedPersonTypes: PersonTypes.Employee | PersonTypes.Contractor, AllowedFrom: new TimeOnly(8, 0), AllowedUntil: new TimeOnly(18, 0),
            RequiresEscort: true, StaticAlarmSeconds: 120, OverstaySeconds: 3600));
        var map = await driver.RunAsync<GetFourColorRiskMap.Handler, GetFourColorRiskMap.Map>(admin, h => h.HandleAsync(planId, default));

        var zone = map.Zones.Single(z => z.Id == zoneId);
        zone.Outline.EqualsExact(outline).ShouldBeTrue();
        (zone.Color, zone.FromRegister, zone.IsFireExplosionArea).ShouldBe((RiskColor.Orange, false, true));
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT ST_SRID(outline), GeometryType(outline), ST_Area(outline) FROM zone WHERE id = @id", connection);
        query.Parameters.AddWithValue("id", zoneId);
        await using var reader = await query.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        (reader.GetInt32(0), reader.GetString(1), reader.GetDouble(2)).ShouldBe((0, "POLYGON", 900.0));
    }

    [Fact]
    public async Task A_self_intersecting_outline_is_refused_by_the_validator_and_by_the_database()
    {
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        await using var driver = new RegisterDriver(database);
        var planId = await CreatePlanAsync(driver, admin, "无效平面图");
        var bowTie = Metres.CreatePolygon([new(0, 0), new(10, 10), new(10, 0), new(0, 10), new(0, 0)]);

        var refused = await Should.ThrowAsync<ValidationException>(() => DrawAsync(driver, admin, planId, new ZoneDetails("交叉", bowTie, RiskColor.Red)));
        var zoneId = await DrawAsync(driver, admin, planId, new ZoneDetails("正常", Square(0, 0, 10), RiskColor.Red));
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE zone SET outline = ST_GeomFromText('POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))', 0) WHERE id = @id", connection);
        update.Parameters.AddWithValue("id", zoneId);
        var database_ = await Should.ThrowAsync<PostgresException>(() => update.ExecuteNonQueryAsync());

        refused.Errors.Single().PropertyName.ShouldBe("Outline");
        (database_.SqlState, database_.ConstraintName).ShouldBe((PostgresErrorCodes.CheckViolation, "ck_zone_outline_valid"));
    }

    [Fact]
    public async Task The_four_colour_map_colours_a_zone_by_its_linked_units_highest_level()
    {
        var admin = RegisterDriver.EnterpriseUser(database.Wf1);
        await using var driver = new RegisterDriver(database);
        var objectId = await driver.CreateObjectAsync(admin, "ZONE-MAP");
        var high = await driver.CreateUnitAsync(admin, objectId, "四色图高风险单元");
        var low = await driver.CreateUnitAsync(admin, objectId, "四色图低风险单元");
        await driver.CreateEventAsync(admin, high, "爆炸", l: 5, s: 5);
        await driver.CreateEventAsync(admin, high, "滑倒", l: 1, s: 1);
        await driver.CreateEventAsync(admin, low, "滑倒", l: 1, s: 1);
        var planId = await CreatePlanAsync(driver, admin, "四色图平面图");

        var linked = await DrawAsync(driver, admin, planId, new ZoneDetails("装置区", Square(0, 0, 20), RiskColor.Blue), high, low);
        var chosen = await DrawAsync(driver, admin, planId, new ZoneDetails("办公区", Square(40, 0, 20), RiskColor.Yellow));
        var map = await driver.RunAsync<GetFourColorRiskMap.Handler, GetFourColorRiskMap.Map>(admin, h => h.HandleAsync(planId, default));

        await using var db = database.OwnerContext(TenantScope.System);
        var highest = await db.Set<RiskEvent>().Where(e => e.UnitId == high).MinAsync(e => e.Level);
        highest.ShouldBe(RiskLevel.Major);
        var zones = map.Zones.ToDictionary(z => z.Id);
        (zones[linked].Color, zones[linked].FromRegister).ShouldBe((RiskColor.Red, true));
        (zones[chosen].Color, zones[chosen].FromRegister).ShouldBe((RiskColor.Yellow, false));
    }

    [Fact]
    public async Task The_live_headcounts_show_each_zone_in_its_four_colour_map_colour()
    {
        var admin = RegisterDriver.EnterpriseUser(database.Wf1);
        await using var driver = new RegisterDriver(database);
        var objectId = await driver.CreateObjectAsync(admin, "ZONE-LIVE");
        var unit = await driver.CreateUnitAsync(admin, objectId, "实时图高风险单元");
        await driver.CreateEventAsync(admin, unit, "爆炸", l: 5, s: 5);
        var planId = await CreatePlanAsync(driver, admin, "实时图平面图");
        var linked = await DrawAsync(driver, admin, planId, new ZoneDetails("反应区", Square(0, 0, 20), RiskColor.Blue), unit);
        var chosen = await DrawAsync(driver, admin, planId, new ZoneDetails("仓库区", Square(40, 0, 20), RiskColor.Orange));

        var map = await driver.RunAsync<GetFourColorRiskMap.Handler, GetFourColorRiskMap.Map>(admin, h => h.HandleAsync(planId, default));
        var live = await driver.RunAsync<GetLivePositions.Handler, GetLivePositions.Result>(admin, h => h.HandleAsync(admin, new(planId, Audit: false), default));

        var onTheMap = map.Zones.ToDictionary(z => z.Id, z => z.Color);
        onTheMap[linked].ShouldBe(RiskColor.Red, "the chosen blue gives way to the linked unit's major risk");
        live.Zones.ToDictionary(z => z.ZoneId, z => z.Color).ShouldBe(onTheMap);
        onTheMap[chosen].ShouldBe(RiskColor.Orange);
    }

    [Fact]
    public async Task Plans_with_a_scale_are_listed_first_so_that_the_live_map_never_opens_on_an_unscaled_picture()
    {
        var admin = RegisterDriver.EnterpriseUser(database.Qd2);
        await using var driver = new RegisterDriver(database);
        var scaled = await CreatePlanAsync(driver, admin, "乙厂总平面图");
        using var bitmap = new SKBitmap(200, 100);
        using var png = new MemoryStream(bitmap.Encode(SKEncodedImageFormat.Png, 100).ToArray());
        var unscaled = await driver.RunAsync<UploadSitePlan.Handler, Guid>(admin, h => h.HandleAsync(admin, new UploadSitePlan.Command("一期扩建草图", png, "draft.png"), default));

        var plans = await driver.RunAsync<ListSitePlans.Handler, IReadOnlyList<ListSitePlans.Row>>(admin, h => h.HandleAsync(database.Qd2, default));

        plans.Select(p => p.Id).ShouldBe([scaled, unscaled], "一 sorts before 乙 by name, but the unscaled plan comes last");
    }

    [Fact]
    public async Task Another_enterprise_or_another_citys_regulator_finds_no_plan_but_the_own_city_reads_it()
    {
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        var other = RegisterDriver.EnterpriseUser(database.Qd2);
        await using var driver = new RegisterDriver(database);
        var planId = await CreatePlanAsync(driver, admin, "隔离平面图");
        var zoneId = await DrawAsync(driver, admin, planId, new ZoneDetails("隔离区", Square(0, 0, 5), RiskColor.Red));

        await Should.ThrowAsync<NotFoundException>(() => driver.RunAsync<GetFourColorRiskMap.Handler, GetFourColorRiskMap.Map>(other, h => h.HandleAsync(planId, default)));
        await Should.ThrowAsync<NotFoundException>(() => DrawAsync(driver, other, planId, new ZoneDetails("越权", Square(0, 0, 5), RiskColor.Red)));
        await Should.ThrowAsync<NotFoundException>(() => driver.RunAsync<DeleteZone.Handler>(other, h => h.HandleAsync(other, zoneId, default)));
        var weifang = RegisterDriver.Regulator("370700");
        await Should.ThrowAsync<NotFoundException>(() => driver.RunAsync<GetFourColorRiskMap.Handler, GetFourColorRiskMap.Map>(weifang, h => h.HandleAsync(planId, default)));
        var qingdao = RegisterDriver.Regulator("370200");
        (await driver.RunAsync<GetFourColorRiskMap.Handler, GetFourColorRiskMap.Map>(qingdao, h => h.HandleAsync(planId, default))).Zones.ShouldHaveSingleItem();
        (await driver.RunAsync<ListSitePlans.Handler, IReadOnlyList<ListSitePlans.Row>>(other, h => h.HandleAsync(database.Qd1, default))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Row_level_security_alone_hides_another_enterprises_plans_zones_and_links()
    {
        var admin = RegisterDriver.EnterpriseUser(database.Wf1);
        await using var driver = new RegisterDriver(database);
        var objectId = await driver.CreateObjectAsync(admin, "ZONE-RLS");
        var unit = await driver.CreateUnitAsync(admin, objectId, "隔离单元");
        var planId = await CreatePlanAsync(driver, admin, "行级安全平面图");
        var zoneId = await DrawAsync(driver, admin, planId, new ZoneDetails("行级安全区", Square(0, 0, 5), RiskColor.Red), unit);

        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Qd2, Guid.NewGuid(), "other"));
        (await db.Set<SitePlan>().IgnoreQueryFilters().CountAsync(p => p.Id == planId)).ShouldBe(0);
        (await db.Set<Zone>().IgnoreQueryFilters().CountAsync(z => z.Id == zoneId)).ShouldBe(0);
        (await db.Set<ZoneUnitLink>().IgnoreQueryFilters().CountAsync(l => l.ZoneId == zoneId)).ShouldBe(0);
        await using var own = database.AppContext(TenantScope.ForEnterprise(database.Wf1, Guid.NewGuid(), "own"));
        (await own.Set<ZoneUnitLink>().IgnoreQueryFilters().CountAsync(l => l.ZoneId == zoneId)).ShouldBe(1);
    }

    /// <summary>A 1,000 × 800 px plan whose origin is pixel (100, 800) and whose second point, 300 px right, is 150 m away.</summary>
    private static Task<Guid> CreatePlanAsync(RegisterDriver driver, Actor actor, string name) =>
        driver.RunAsync<CreateSitePlan.Handler, Guid>(actor, h => h.HandleAsync(
            actor, new(new SitePlanDetails(name, 1000, 800, new ScaleInput(new(100, 800), new(400, 800), 150))), default));

    private static Task<Guid> DrawAsync(RegisterDriver driver, Actor actor, Guid planId, ZoneDetails details, params Guid[] unitIds) =>
        driver.RunAsync<DrawZone.Handler, Guid>(actor, h => h.HandleAsync(actor, new(planId, details, unitIds, []), default));

    private static Polygon Square(double x, double y, double side) =>
        Metres.CreatePolygon([new(x, y), new(x + side, y), new(x + side, y + side), new(x, y + side), new(x, y)]);
}
