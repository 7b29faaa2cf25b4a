using DualPrevention.Core.Inspections;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Inspections;

/// <summary>Its own database: the anchors of the sample's definitions are set by the first run's clock.</summary>
public class GenerationAfterAKilledRunTests(SampleRegisterDatabase database) : IClassFixture<SampleRegisterDatabase>
{
    [Fact]
    public async Task A_run_killed_half_way_and_run_again_gives_every_window_of_the_next_24_hours_exactly_once()
    {
        database.Clock.AdjustTime(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        var now = database.Clock.GetUtcNow();
        using (var kill = new CancellationTokenSource(TimeSpan.FromMilliseconds(40)))
        {
            try
            {
                await GenerateAsync(kill.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException || ex.InnerException is OperationCanceledException or Npgsql.PostgresException { SqlState: "57014" })
            {
                // Killed inside the batch: its transaction rolled back, as a dead process's would.
            }
        }

        await GenerateAsync();

        await using var db = database.OwnerContext(TenantScope.System);
        var manual = await db.ControlMeasures.CountAsync(m => m.EnterpriseId == database.Qd1 && m.DataSource == ControlDataSource.ManualInspection);
        var windows = await db.InspectionTasks.Where(t => t.EnterpriseId == database.Qd1 && t.WindowEnd > now && t.WindowStart < now.AddHours(24)).ToListAsync();
        windows.Select(w => w.DefinitionId).Distinct().Count().ShouldBe(manual, "every manual measure has its windows");
        windows.GroupBy(w => (w.DefinitionId, w.WindowStart)).ShouldAllBe(g => g.Count() == 1);
        (await GenerateAsync()).WindowsCreated.ShouldBe(0, "nothing is left to make");
    }

    private async Task<GenerateInspectionTasks.Result> GenerateAsync(CancellationToken cancellationToken = default)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        return await scope.ServiceProvider.GetRequiredService<GenerateInspectionTasks.Handler>()
            .HandleAsync(new GenerateInspectionTasks.Command([database.Qd1]), null, cancellationToken);
    }
}
