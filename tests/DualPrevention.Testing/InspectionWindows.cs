using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Testing;

/// <summary>Runs the generation job for one enterprise, as the recurring job would, and finds the windows it made.</summary>
public static class InspectionWindows
{
    /// <summary>Generates at the database clock, moved first to the real time when <paramref name="atRealTime"/> (hosts run on the system clock).</summary>
    public static async Task GenerateAsync(TestDatabase database, Guid enterpriseId, bool atRealTime = false)
    {
        if (atRealTime)
        {
            database.Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        }

        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<GenerateInspectionTasks.Handler>()
            .HandleAsync(new GenerateInspectionTasks.Command([enterpriseId]), null, CancellationToken.None);
    }

    /// <summary>The unit's windows open at the database clock, by content.</summary>
    public static async Task<Dictionary<string, InspectionTask>> OpenAsync(TestDatabase database, Guid unitId)
    {
        var now = database.Clock.GetUtcNow();
        await using var db = database.OwnerContext(TenantScope.System);
        var open = await (
                from t in db.InspectionTasks
                join d in db.InspectionTaskDefinitions on t.DefinitionId equals d.Id
                where t.UnitId == unitId && t.WindowStart <= now && t.WindowEnd > now
                select new { d.Content, Task = t })
            .ToListAsync();
        return open.ToDictionary(o => o.Content, o => o.Task);
    }
}
