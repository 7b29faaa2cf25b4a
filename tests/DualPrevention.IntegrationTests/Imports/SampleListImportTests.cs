using DualPrevention.Core.Risks;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using DualPrevention.Testing.Workbooks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Imports;

public class SampleListImportTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task The_sample_list_imports_completely_with_the_levels_it_states_and_a_reimport_changes_nothing()
    {
        var sample = Samples.RiskControlList();

        var preview = await Importer.RunAsync(database, database.Qd1, sample, commit: false);

        preview.ErrorCount.ShouldBe(0, Importer.Describe(preview));
        preview.Committed.ShouldBeFalse();
        preview.Problems.Select(p => (p.Row, p.Column)).ShouldBe([(15, null), (16, null), (17, null)], Importer.Describe(preview));
        (preview.Objects.New, preview.Units.New, preview.Events.New, preview.Measures.New).ShouldBe((4, 10, 11, 32));
        await using (var before = database.OwnerContext(TenantScope.ForEnterprise(database.Qd1)))
        {
            (await before.ControlMeasures.CountAsync()).ShouldBe(0);
        }

        var committed = await Importer.RunAsync(database, database.Qd1, sample, commit: true);

        committed.Committed.ShouldBeTrue(Importer.Describe(committed));
        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Qd1));
        (await db.RiskAnalysisObjects.CountAsync()).ShouldBe(4);
        (await db.RiskAnalysisUnits.CountAsync()).ShouldBe(10);
        (await db.RiskEvents.CountAsync()).ShouldBe(11);
        (await db.ControlMeasures.CountAsync()).ShouldBe(32);
        (await db.RiskAssessments.CountAsync()).ShouldBe(11);
        var levels = await db.RiskEvents.OrderBy(e => e.CreatedAt).Select(e => new { e.Name, e.Level, e.Score }).ToListAsync();
        levels.Count(e => e.Level == RiskLevel.Significant).ShouldBe(3);
        levels.Count(e => e.Level == RiskLevel.General).ShouldBe(5);
        levels.Count(e => e.Level == RiskLevel.Low).ShouldBe(3);
        (await db.RiskEvents.SingleAsync(e => e.Name == "脱水作业时冻堵或人员离开导致丙烯随水排出泄漏")).Level.ShouldBe(RiskLevel.General);

        var again = await Importer.RunAsync(database, database.Qd1, sample, commit: true);

        again.Committed.ShouldBeTrue();
        (again.Objects.Unchanged, again.Units.Unchanged, again.Events.Unchanged, again.Measures.Unchanged).ShouldBe((4, 10, 11, 32));
        (again.Measures.New + again.Measures.Updated + again.Events.Updated + again.Assessments).ShouldBe(0);
        (await db.ControlMeasures.CountAsync()).ShouldBe(32);
        (await db.RiskAssessments.CountAsync()).ShouldBe(11);
    }
}
