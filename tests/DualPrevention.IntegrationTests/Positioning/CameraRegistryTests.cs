using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// The camera registry on PostgreSQL with PostGIS: a GB/T 28181 device id and a playable stream URL are required, the
/// zone follows from the position on the site plan, a device id is one camera per enterprise, a retired camera stays,
/// and another enterprise or another city's regulator sees none of it (query filter and row-level security).
/// </summary>
public class CameraRegistryTests(DemoPlanDatabase database) : IClassFixture<DemoPlanDatabase>
{
    private const string TankFarmCamera = "37021100001320000001";

    [Fact]
    public async Task A_camera_placed_inside_a_zone_is_in_that_zone_and_moved_outside_in_none()
    {
        var admin = await AdminAsync();
        var plan = await PlanAsync();

        var id = await SaveAsync(admin, null, new CameraDetails("罐区东侧枪机", TankFarmCamera, "rtsp://10.0.0.8/ch1", plan, 50, 150, "海康威视", true));
        var placed = await CameraAsync(id);
        await SaveAsync(admin, id, new CameraDetails("罐区东侧枪机", TankFarmCamera, "rtsp://10.0.0.8/ch1", plan, 299, 5, "海康威视", true));
        var moved = await CameraAsync(id);

        placed.ZoneName.ShouldBe("罐区");
        (placed.X, placed.Y, placed.HasAnalytics).ShouldBe((50d, 150d, true));
        moved.ZoneId.ShouldBeNull();
    }

    [Theory]
    [InlineData("3702110000132000001", "DeviceId")]
    [InlineData("3702110000118000000A", "DeviceId")]
    [InlineData("37021100001180000001", "DeviceId")]
    [InlineData("00000000001320000001", "DeviceId")]
    public async Task A_device_id_that_is_not_a_gb28181_camera_is_refused_naming_the_field(string deviceId, string field)
    {
        var admin = await AdminAsync();

        var refusal = await Should.ThrowAsync<ValidationException>(() => SaveAsync(admin, null, new CameraDetails("门卫室", deviceId, "https://video.example/live/1", null, null, null, null, false)));

        refusal.Errors.Select(e => e.PropertyName).ShouldBe([field]);
    }

    [Theory]
    [InlineData("ftp://10.0.0.8/ch1")]
    [InlineData("javascript:alert(1)")]
    [InlineData("10.0.0.8/ch1")]
    public async Task A_stream_url_a_player_cannot_open_is_refused(string url)
    {
        var admin = await AdminAsync();

        var refusal = await Should.ThrowAsync<ValidationException>(() => SaveAsync(admin, null, new CameraDetails("门卫室", "37021100001320000099", url, null, null, null, null, false)));

        refusal.Errors.Select(e => e.PropertyName).ShouldBe(["StreamUrl"]);
    }

    [Fact]
    public async Task A_device_id_is_one_camera_per_enterprise_and_a_retired_camera_stays_listed_as_retired()
    {
        var admin = await AdminAsync();
        var id = await SaveAsync(admin, null, new CameraDetails("装车台", "37021100001320000010", "webrtc://video.example/10", null, null, null, null, false));

        await Should.ThrowAsync<ConflictException>(() => SaveAsync(admin, null, new CameraDetails("装车台2", "37021100001320000010", "webrtc://video.example/11", null, null, null, null, false)));
        await RetireAsync(admin, id);
        await Should.ThrowAsync<DomainRuleException>(() => RetireAsync(admin, id));

        var active = await ListAsync(TenantScope.ForEnterprise(database.Qd1, admin.Scope.UserId, "admin"), new ListCameras.Query(Search: "37021100001320000010"));
        var all = await ListAsync(TenantScope.ForEnterprise(database.Qd1, admin.Scope.UserId, "admin"), new ListCameras.Query(Search: "37021100001320000010", Active: null));
        active.TotalCount.ShouldBe(0);
        all.Items.ShouldHaveSingleItem().RetiredAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Another_enterprise_and_another_citys_regulator_see_none_of_the_cameras_and_cannot_change_them()
    {
        var admin = await AdminAsync();
        var id = await SaveAsync(admin, null, new CameraDetails("仓库北门", "37021100001320000020", "http://10.0.0.9/live", null, null, null, null, false));
        var foreign = new Actor(TenantScope.ForEnterprise(database.Qd2, Guid.NewGuid(), "other"), new HashSet<string> { Roles.EnterpriseAdmin });

        (await ListAsync(foreign.Scope, new ListCameras.Query(Active: null))).Items.ShouldNotContain(c => c.Id == id);
        (await ListAsync(TenantScope.ForRegion("370700"), new ListCameras.Query(Active: null))).Items.ShouldNotContain(c => c.Id == id);
        (await ListAsync(TenantScope.ForRegion("370200"), new ListCameras.Query(Active: null))).Items.ShouldContain(c => c.Id == id);
        await Should.ThrowAsync<NotFoundException>(() => RetireAsync(foreign, id));
        await Should.ThrowAsync<NotFoundException>(() => SaveAsync(foreign, id, new CameraDetails("改名", "37021400001320000020", "http://10.0.0.9/live", null, null, null, null, false)));
        var plan = await PlanAsync();
        await Should.ThrowAsync<NotFoundException>(() => SaveAsync(foreign, null, new CameraDetails("别家平面图", "37021400001320000021", "http://10.0.0.9/live", plan, 1, 1, null, false)));
        await using var other = database.AppContext(foreign.Scope);
        (await other.Set<Camera>().IgnoreQueryFilters().CountAsync(c => c.EnterpriseId == database.Qd1)).ShouldBe(0);
    }

    private async Task<Actor> AdminAsync()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var userId = await db.Users.Where(u => u.UserName == "demo-qd1-admin").Select(u => u.Id).SingleAsync();
        return new Actor(TenantScope.ForEnterprise(database.Qd1, userId, "demo-qd1-admin"), new HashSet<string> { Roles.EnterpriseAdmin });
    }

    private async Task<Guid> PlanAsync()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Set<SitePlan>().Where(p => p.EnterpriseId == database.Qd1).Select(p => p.Id).FirstAsync();
    }

    private async Task<ListCameras.Row> CameraAsync(Guid id) =>
        (await ListAsync(TenantScope.ForRegion("370200"), new ListCameras.Query(Active: null, PageSize: 200))).Items.Single(c => c.Id == id);

    private async Task<Guid> SaveAsync(Actor actor, Guid? id, CameraDetails details)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        return await scope.ServiceProvider.GetRequiredService<SaveCamera.Handler>().HandleAsync(actor, new SaveCamera.Command(id, details), default);
    }

    private async Task RetireAsync(Actor actor, Guid id)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        await scope.ServiceProvider.GetRequiredService<RetireCamera.Handler>().HandleAsync(actor, id, default);
    }

    private async Task<Core.Paged<ListCameras.Row>> ListAsync(TenantScope tenant, ListCameras.Query query)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = tenant;
        return await scope.ServiceProvider.GetRequiredService<ListCameras.Handler>().HandleAsync(query, default);
    }
}
