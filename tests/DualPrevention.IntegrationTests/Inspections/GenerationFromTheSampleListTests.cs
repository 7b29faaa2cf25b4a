using DualPrevention.Core.Inspections;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Inspections;

public class GenerationFromTheSampleListTests(SampleRegisterDatabase database) : IClassFixture<SampleRegisterDatabase>
{
    [Fact]
    public async Task Running_the_job_gives_every_manual_measure_its_windows_for_the_next_24_hours_once_even_when_run_twice()
    {
        database.Clock.AdjustTime(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));

        var first = await GenerateAsync();
        var second = await GenerateAsync();

        first.WindowsCreated.ShouldBeGreaterThan(0);
        second.WindowsCreated.ShouldBe(0);
        await using var db = database.OwnerContext(TenantScope.System);
        var manual = await db.ControlMeasures.Where(m => m.EnterpriseId == database.Qd1 && m.DataSource == ControlDataSource.ManualInspection).ToListAsync();
        var windows = await db.InspectionTasks.Where(t => t.EnterpriseId == database.Qd1).ToListAsync();
        var definitions = await db.InspectionTaskDefinitions.Where(d => d.EnterpriseId == database.Qd1).ToDictionaryAsync(d => d.Id, d => d.MeasureId);
        definitions.Count.ShouldBe(manual.Count);
        windows.Count.ShouldBe((int)first.WindowsCreated);
        windows.Select(w => definitions[w.DefinitionId]).Distinct().Count().ShouldBe(manual.Count);
        windows.GroupBy(w => (w.DefinitionId, w.WindowStart)).ShouldAllBe(g => g.Count() == 1);
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
