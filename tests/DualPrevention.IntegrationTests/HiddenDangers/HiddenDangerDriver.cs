using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Photos;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.HiddenDangers;

/// <summary>
/// Runs hidden-danger use cases as demo accounts, each call in its own service scope as a request would;
/// <paramref name="configure"/> adds services (e.g. outbound notification channels).
/// </summary>
internal sealed class HiddenDangerDriver(DemoDatabase database, Action<IServiceCollection>? configure = null) : IAsyncDisposable
{
    /// <summary>A one-pixel PNG, enough for the store's signature check.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly ServiceProvider _services = database.CreateServices(configure);

    /// <summary>The services' in-process inbox signal, to watch live badge pushes.</summary>
    public NotificationHub Hub => _services.GetRequiredService<NotificationHub>();

    public DateOnly Today => BusinessTime.LocalDate(database.Clock.GetUtcNow());

    /// <summary>The actor of a demo account, with its real id and roles.</summary>
    public async Task<Actor> ActorAsync(string userName)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        var scope = user.EnterpriseId is { } enterpriseId
            ? TenantScope.ForEnterprise(enterpriseId, user.Id, user.UserName)
            : TenantScope.ForRegion(user.ScopeRegionCode!, user.Id, user.UserName);
        return new Actor(scope, roles.ToHashSet(StringComparer.Ordinal));
    }

    public async Task<TResult> RunAsync<THandler, TResult>(Actor actor, Func<THandler, Task<TResult>> call)
        where THandler : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    public Task RunAsync<THandler>(Actor actor, Func<THandler, Task> call)
        where THandler : notnull =>
        RunAsync<THandler, bool>(actor, async handler =>
        {
            await call(handler);
            return true;
        });

    public Task<Guid> ReportAsync(Actor actor, HiddenDangerLevel level = HiddenDangerLevel.General, MajorGrading? grading = null) =>
        RunAsync<ReportHiddenDanger.Handler, Guid>(actor, h => h.HandleAsync(actor, new(Report(level, grading)), default));

    public static HiddenDangerReport Report(HiddenDangerLevel level = HiddenDangerLevel.General, MajorGrading? grading = null) =>
        new("罐区法兰泄漏", "1号罐进料法兰轻微渗漏", level, InspectionSource.Routine, "罐区", HiddenDangerCategory.Equipment, grading);

    public Task ConfirmAsync(Actor actor, Guid id, Guid rectifierUserId, DateOnly deadline, HiddenDangerLevel level = HiddenDangerLevel.General, MajorGrading? grading = null) =>
        RunAsync<ConfirmHiddenDanger.Handler>(actor, h => h.HandleAsync(actor, new(id,
            new HiddenDangerConfirmation(level, HiddenDangerCategory.Equipment, deadline, ManagementClass.UnsafeCondition, null, "垫片老化", "更换垫片", 0.2m, grading), rectifierUserId), default));

    public Task<Guid> UploadAsync(Actor actor, Guid id, PhotoKind kind) =>
        RunAsync<UploadHiddenDangerPhoto.Handler, Guid>(actor, h => h.HandleAsync(actor, new(id, kind, new MemoryStream(Png), "photo.png"), default));

    public async Task RectifyAsync(Actor actor, Guid id, string note = "已更换垫片")
    {
        await UploadAsync(actor, id, PhotoKind.AfterRectification);
        await RunAsync<SubmitRectification.Handler>(actor, h => h.HandleAsync(actor, new(id, note), default));
    }

    public Task AcceptAsync(Actor actor, Guid id) =>
        RunAsync<AcceptRectification.Handler>(actor, h => h.HandleAsync(actor, new(id, "合格"), default));

    public Task<GetHiddenDanger.Detail> GetAsync(Actor actor, Guid id) =>
        RunAsync<GetHiddenDanger.Handler, GetHiddenDanger.Detail>(actor, h => h.HandleAsync(actor, new(id), default));

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
