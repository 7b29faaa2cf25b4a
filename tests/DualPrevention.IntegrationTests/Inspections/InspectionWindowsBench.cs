using DualPrevention.Core.Inspections;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Inspections;

/// <summary>Real windows for tests: a hand-built register run through generation, statuses then set on the owner connection.</summary>
internal static class InspectionWindowsBench
{
    /// <summary>2026-11-30 00:00 Asia/Shanghai, a Monday: daily windows of that day are open, the next start 24 h later.</summary>
    public static readonly DateTimeOffset MondayMidnight = new(2026, 11, 29, 16, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Monday = new(2026, 11, 30);

    public static async Task GenerateAsync(TestDatabase database, Guid enterpriseId)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<GenerateInspectionTasks.Handler>()
            .HandleAsync(new GenerateInspectionTasks.Command([enterpriseId]), null, CancellationToken.None);
    }

    public static async Task<List<InspectionTask>> WindowsOfUnitAsync(TestDatabase database, Guid unitId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.InspectionTasks.AsNoTracking().Where(t => t.UnitId == unitId).OrderBy(t => t.WindowStart).ThenBy(t => t.Id).ToListAsync();
    }

    public static async Task SetStatusAsync(TestDatabase database, IEnumerable<Guid> windowIds, InspectionTaskStatus status)
    {
        var ids = windowIds.ToList();
        await using var db = database.OwnerContext(TenantScope.System);
        await db.InspectionTasks.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status));
    }

    /// <summary>A person's record made <paramref name="after"/> the window ended: late, completes nothing.</summary>
    public static async Task RecordLateAsync(TestDatabase database, Guid windowId, TimeSpan after)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var task = await db.InspectionTasks.SingleAsync(t => t.Id == windowId);
        var definition = await db.InspectionTaskDefinitions.SingleAsync(d => d.Id == task.DefinitionId);
        var check = new InspectionCheck(Guid.NewGuid(), InspectionResult.Normal, null, null, RecordChannel.MobileWeb, null);
        db.InspectionRecords.Add(InspectionRecord.Create(task, definition, check, new InspectionInspector(Guid.NewGuid(), "迟到的人"), task.WindowEnd + after));
        await db.SaveChangesAsync();
    }

    public static ControlMeasureDetails EveryTwoHours(string description) =>
        HandBuiltRegister.DailyCheck(description) with { CycleValue = 2, CycleUnit = CycleUnit.Hour };

    public static ControlMeasureDetails Accountability(string description, InspectionTaskType role, short item) =>
        HandBuiltRegister.DailyCheck(description) with { TaskType = role, AccountabilityItemNo = item };
}
