using DualPrevention.Core.Demo;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Imports;

/// <summary>A register exported to Excel and imported again is unchanged (ADR 0006).</summary>
public class RoundTripTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Exporting_the_imported_sample_and_importing_the_export_changes_nothing()
    {
        var sample = DualPrevention.Testing.Workbooks.Samples.RiskControlList();
        (await Importer.RunAsync(database, database.Wf1, sample, commit: true)).Committed.ShouldBeTrue();
        var assessmentsBefore = await CountAssessmentsAsync();

        var exported = await ExportAsync(database.Wf1);
        var preview = await Importer.RunAsync(database, database.Wf1, exported, commit: false);
        var committed = await Importer.RunAsync(database, database.Wf1, exported, commit: true);

        preview.ErrorCount.ShouldBe(0, Importer.Describe(preview));
        preview.Objects.ShouldBe(new(0, 0, 4, 0));
        preview.Units.ShouldBe(new(0, 0, 10, 0));
        preview.Events.ShouldBe(new(0, 0, 11, 0));
        preview.Measures.ShouldBe(new(0, 0, 32, 0));
        committed.Assessments.ShouldBe(0);
        (await CountAssessmentsAsync()).ShouldBe(assessmentsBefore);
    }

    [Fact]
    public async Task The_run_command_seeds_demo_qd1_with_the_sample_list_once()
    {
        await using var services = database.CreateServices();
        for (var run = 0; run < 2; run++)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SeedDemoData>().RunAsync(DemoDatabase.Password, withSampleRiskRegister: true, CancellationToken.None);
        }

        await using var db = database.OwnerContext(TenantScope.ForEnterprise(database.Qd1));
        (await db.RiskAnalysisObjects.CountAsync()).ShouldBe(4);
        (await db.ControlMeasures.CountAsync()).ShouldBe(32);
        (await db.RiskAssessments.CountAsync()).ShouldBe(11);
        (await db.ImportRuns.CountAsync()).ShouldBe(1);
    }

    private async Task<int> CountAssessmentsAsync()
    {
        await using var db = database.OwnerContext(TenantScope.ForEnterprise(database.Wf1));
        return await db.RiskAssessments.CountAsync();
    }

    private async Task<byte[]> ExportAsync(Guid enterpriseId)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.ForEnterprise(enterpriseId, null, "demo-admin");
        var workbook = await scope.ServiceProvider.GetRequiredService<ExportRiskRegister.Handler>().HandleAsync(new ExportRiskRegister.Query(enterpriseId), CancellationToken.None);
        using var output = new MemoryStream();
        await workbook.WriteToAsync(output, CancellationToken.None);
        return output.ToArray();
    }
}
