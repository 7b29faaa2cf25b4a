using DualPrevention.Core.Accounts;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Inspections;

/// <summary>
/// A unit with daily manual checks whose windows the generation job has made at the database clock, and the
/// enterprise's people acting on it through the use cases, the way pages and endpoints call them.
/// </summary>
internal sealed class InspectionSite(TestDatabase database, Guid enterpriseId, Guid unitId)
{
    public Guid EnterpriseId { get; } = enterpriseId;

    public Guid UnitId { get; } = unitId;

    public static async Task<InspectionSite> PrepareAsync(TestDatabase database, Guid enterpriseId, string unit, params string[] checks)
    {
        var register = await HandBuiltRegister.ForAsync(database, enterpriseId);
        register.AnalysisObject($"OBJ-{Guid.NewGuid():N}"[..12], "罐区").Unit(unit).Event("储罐泄漏", "火灾", l: 3, s: 4);
        foreach (var check in checks)
        {
            register.Measure(check);
        }

        await register.SaveAsync();
        var site = new InspectionSite(database, enterpriseId, register.Units[unit]);
        await site.GenerateAsync();
        return site;
    }

    /// <summary>Runs the generation job for the enterprise at the database clock.</summary>
    public Task GenerateAsync() => InspectionWindows.GenerateAsync(database, EnterpriseId);

    /// <summary>The unit's windows, earliest first.</summary>
    public async Task<List<InspectionTask>> WindowsAsync()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.InspectionTasks.Where(t => t.UnitId == UnitId).OrderBy(t => t.WindowStart).ToListAsync();
    }

    /// <summary>The window open at the database clock for the check named <paramref name="check"/>.</summary>
    public async Task<InspectionTask> OpenWindowAsync(string check) => (await InspectionWindows.OpenAsync(database, UnitId))[$"检查：{check}"];

    /// <summary>The actor of a demo account (its scope names its enterprise and user id).</summary>
    public static async Task<Actor> ActorAsync(TestDatabase database, string userName, string role)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var scope = user.EnterpriseId is { } enterpriseId
            ? TenantScope.ForEnterprise(enterpriseId, user.Id, userName)
            : TenantScope.ForRegion(user.ScopeRegionCode!, user.Id, userName);
        return new Actor(scope, new HashSet<string> { role });
    }

    /// <summary>Calls a handler in a scope of <paramref name="actor"/>.</summary>
    public static async Task<TResult> AsAsync<THandler, TResult>(TestDatabase database, Actor actor, Func<THandler, Task<TResult>> call)
        where THandler : notnull
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    /// <summary>A check of <paramref name="taskId"/> with a fresh submission id.</summary>
    public static SubmitInspectionRecord.Command Check(Guid taskId, InspectionResult result = InspectionResult.Normal, string? note = null, params Guid[] photoIds) =>
        new(taskId, Guid.NewGuid(), result, note, photoIds, new GeoLocation(36.07, 120.38, 15), RecordChannel.MobileWeb, null);

    public static Task<SubmitInspectionRecord.Result> SubmitAsync(TestDatabase database, Actor actor, SubmitInspectionRecord.Command command) =>
        AsAsync<SubmitInspectionRecord.Handler, SubmitInspectionRecord.Result>(database, actor, h => h.HandleAsync(actor, command, CancellationToken.None));

    public static Task<Guid> UploadAsync(TestDatabase database, Actor actor, byte[] content) =>
        AsAsync<UploadPhoto.Handler, Guid>(database, actor, h => h.HandleAsync(actor, new UploadPhoto.Command(new MemoryStream(content), "photo.png"), CancellationToken.None));

    /// <summary>The 67-byte PNG of one transparent pixel.</summary>
    public static byte[] TinyPng { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
}
