using DualPrevention.Core;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Inspections;

/// <summary>
/// Runs the two inspection jobs as Hangfire would (system scope, a service scope per run) on the database's
/// clock, and reads back the windows of a measure.
/// </summary>
internal sealed class InspectionJobs(TestDatabase database) : IAsyncDisposable
{
    private readonly ServiceProvider _services = database.CreateServices();

    /// <summary>The UTC instant of a Beijing wall-clock time.</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour = 0, int minute = 0) =>
        BusinessTime.FromLocal(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified));

    /// <summary>Sets the database's clock to a Beijing wall-clock time (backwards too: each test picks its own day).</summary>
    public void At(int year, int month, int day, int hour = 0, int minute = 0) => database.Clock.AdjustTime(Local(year, month, day, hour, minute));

    public Task<GenerateInspectionTasks.Result> GenerateAsync(params Guid[] enterpriseIds) =>
        GenerateAsync(new GenerateInspectionTasks.Command(enterpriseIds.Length == 0 ? null : enterpriseIds), null, CancellationToken.None);

    public async Task<GenerateInspectionTasks.Result> GenerateAsync(
        GenerateInspectionTasks.Command command, IProgress<GenerateInspectionTasks.Result>? batchCommitted, CancellationToken cancellationToken)
    {
        await using var scope = SystemScope();
        return await scope.ServiceProvider.GetRequiredService<GenerateInspectionTasks.Handler>().HandleAsync(command, batchCommitted, cancellationToken);
    }

    public async Task<CloseInspectionWindows.Result> CloseAsync()
    {
        await using var scope = SystemScope();
        return await scope.ServiceProvider.GetRequiredService<CloseInspectionWindows.Handler>().HandleAsync(CancellationToken.None);
    }

    /// <summary>The windows of a measure's task definition, earliest first.</summary>
    public async Task<List<InspectionTask>> WindowsOfAsync(Guid measureId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var definitionId = await db.InspectionTaskDefinitions.IgnoreQueryFilters().Where(d => d.MeasureId == measureId).Select(d => d.Id).SingleAsync();
        return await db.InspectionTasks.AsNoTracking().Where(t => t.DefinitionId == definitionId).OrderBy(t => t.WindowStart).ToListAsync();
    }

    /// <summary>The windows of a measure, none when it has no task definition yet.</summary>
    public async Task<List<InspectionTask>> WindowsOfOrNoneAsync(Guid measureId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.InspectionTasks.AsNoTracking()
            .Where(t => db.InspectionTaskDefinitions.IgnoreQueryFilters().Any(d => d.Id == t.DefinitionId && d.MeasureId == measureId))
            .ToListAsync();
    }

    /// <summary>A measure's windows as (start, end) UTC instants, earliest first.</summary>
    public async Task<List<(DateTimeOffset Start, DateTimeOffset End)>> SpansOfAsync(Guid measureId) =>
        [.. (await WindowsOfAsync(measureId)).Select(w => (w.WindowStart, w.WindowEnd))];

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private AsyncServiceScope SystemScope()
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        return scope;
    }
}
