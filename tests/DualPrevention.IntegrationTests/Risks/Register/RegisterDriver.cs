using DualPrevention.Core.Accounts;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Risks.Register;

/// <summary>Runs risk-register use cases as a chosen actor, each call in its own service scope as a request would.</summary>
internal sealed class RegisterDriver(DemoDatabase database) : IAsyncDisposable
{
    private readonly ServiceProvider _services = database.CreateServices();

    public static Actor EnterpriseUser(Guid enterpriseId, string role = Roles.EnterpriseAdmin, string userName = "tester") =>
        new(TenantScope.ForEnterprise(enterpriseId, Guid.NewGuid(), userName), new HashSet<string> { role });

    public static Actor Regulator(string regionCode, string role = Roles.CityReviewer) =>
        new(TenantScope.ForRegion(regionCode, Guid.NewGuid(), "regulator"), new HashSet<string> { role });

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

    public Task<Guid> CreateObjectAsync(Actor actor, string code, string? department = null) =>
        RunAsync<CreateRiskAnalysisObject.Handler, Guid>(actor, h => h.HandleAsync(
            actor, new(new RiskAnalysisObjectDetails(RiskObjectType.StorageFacility, code, $"对象{code}", department, "李四", null)), default));

    public Task<Guid> CreateUnitAsync(Actor actor, Guid objectId, string name, string? department = null) =>
        RunAsync<CreateRiskAnalysisUnit.Handler, Guid>(actor, h => h.HandleAsync(
            actor, new(objectId, new RiskAnalysisUnitDetails(name, department, "王五")), default));

    /// <summary>An LS event scored <paramref name="l"/> × <paramref name="s"/>.</summary>
    public Task<Guid> CreateEventAsync(Actor actor, Guid unitId, string name, int l, int s) =>
        RunAsync<CreateRiskEvent.Handler, Guid>(actor, h => h.HandleAsync(
            actor, new(unitId, new RiskEventDetails(name, "火灾", new RiskAssessmentInput(AssessmentMethod.LS, l, s, null, null))), default));

    public Task<Guid> CreateMeasureAsync(Actor actor, Guid eventId, string description, MeasureClassify1 classify1 = MeasureClassify1.Engineering, string? department = null) =>
        RunAsync<CreateControlMeasure.Handler, Guid>(actor, h => h.HandleAsync(actor, new(eventId, Measure(description, classify1, department)), default));

    public static ControlMeasureDetails Measure(string description, MeasureClassify1 classify1 = MeasureClassify1.Engineering, string? department = null) => new(
        description, classify1, $"{(int)classify1}-1", null, ControlDataSource.ManualInspection, $"检查{description}", 1, CycleUnit.Day, null, null,
        WorkDayType.EveryDay, InspectionTaskType.Routine, null, ControlLevel.Workshop, department, "赵六");

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
