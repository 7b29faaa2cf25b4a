using DualPrevention.Core.Imports;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using DualPrevention.Testing.Workbooks;
using Microsoft.EntityFrameworkCore;
using static DualPrevention.Testing.Workbooks.RegisterWorkbook;

namespace DualPrevention.IntegrationTests.Imports;

/// <summary>What a commit writes, for enterprise demo-qd2 (each test imports its own object codes).</summary>
public class ImportCommitTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private async Task<int> CountAsync<T>(Guid enterpriseId)
        where T : class
    {
        await using var db = database.AppContext(TenantScope.ForEnterprise(enterpriseId));
        return await db.Set<T>().IgnoreQueryFilters([Core.Data.DualPreventionDbContext.SoftDeleteFilter]).CountAsync();
    }

    [Fact]
    public async Task An_error_in_the_last_row_leaves_the_database_unchanged()
    {
        var builder = new XlsxBuilder().Sheet("清单").Row(Header());
        for (var i = 1; i <= 50; i++)
        {
            builder.Row(Measure(i, "原料罐区", "AON-1", $"储罐{i}", "泄漏火灾", "液位报警", 3, 5, 15, "较大风险"));
        }

        builder.Row(Measure(51, null, null, null, null, "错误的措施", classify1: "维护保养", classify2: "工艺控制"));
        var measuresBefore = await CountAsync<ControlMeasure>(database.Qd2);
        var runsBefore = await CountAsync<Core.Imports.ImportRun>(database.Qd2);

        var result = await Importer.RunAsync(database, database.Qd2, builder.Build(), commit: true);

        result.Committed.ShouldBeFalse();
        result.ErrorCount.ShouldBe(1);
        result.Problems.ShouldHaveSingleItem().ShouldSatisfyAllConditions(p => p.Row.ShouldBe(52), p => p.Column.ShouldBe("N"));
        (await CountAsync<ControlMeasure>(database.Qd2)).ShouldBe(measuresBefore);
        (await CountAsync<Core.Imports.ImportRun>(database.Qd2)).ShouldBe(runsBefore);
        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Qd2));
        (await db.RiskAnalysisObjects.AnyAsync(o => o.HazardCode == "AON-1")).ShouldBeFalse();
    }

    [Fact]
    public async Task Reimporting_an_edited_list_updates_by_natural_key_instead_of_duplicating()
    {
        var first = new XlsxBuilder().Sheet("清单").Row(Header())
            .Row(Measure(1, "液氯库", "NK-1", "液氯钢瓶", "钢瓶泄漏中毒", "泄漏检测报警", 2, 5, 10, "一般风险"))
            .Row(Measure(2, null, null, null, null, "每日巡检", cycle: 1))
            .Build();
        var edited = new XlsxBuilder().Sheet("清单").Row(Header())
            .Row(Measure(1, "液氯库（改）", "NK-1", "液氯钢瓶", "钢瓶泄漏中毒", "泄漏检测报警", 3, 5, 15, "较大风险"))
            .Row(Measure(2, null, null, null, null, "每日巡检", cycle: 2))
            .Row(Measure(3, null, null, null, null, "配置碱液吸收装置"))
            .Build();
        await Importer.RunAsync(database, database.Qd2, first, commit: true);

        var result = await Importer.RunAsync(database, database.Qd2, edited, commit: true, userName: "demo-qd2-admin");

        result.Committed.ShouldBeTrue(Importer.Describe(result));
        (result.Objects.Updated, result.Units.Unchanged, result.Events.Updated, result.Measures.New, result.Measures.Updated, result.Measures.Unchanged)
            .ShouldBe((1, 1, 1, 1, 1, 1));
        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Qd2));
        var riskObject = await db.RiskAnalysisObjects.SingleAsync(o => o.HazardCode == "NK-1");
        riskObject.Name.ShouldBe("液氯库（改）");
        var riskEvent = await db.RiskEvents.SingleAsync(e => e.Name == "钢瓶泄漏中毒");
        (riskEvent.Score, riskEvent.Level).ShouldBe((15m, RiskLevel.Significant));
        var history = await db.RiskAssessments.Where(a => a.EventId == riskEvent.Id).OrderBy(a => a.Score).Select(a => new { a.Score, a.AssessedBy }).ToListAsync();
        history.Select(a => a.Score).ShouldBe([10m, 15m]);
        history[1].AssessedBy.ShouldBe("demo-qd2-admin");
        (await db.ControlMeasures.CountAsync(m => m.EventId == riskEvent.Id)).ShouldBe(3);
        (await db.ControlMeasures.SingleAsync(m => m.Description == "每日巡检")).CycleValue.ShouldBe(2);
        var run = await db.ImportRuns.OrderByDescending(r => r.CommittedAt).ThenByDescending(r => r.Id).FirstAsync();
        (run.Created, run.Updated, run.Unchanged, run.FileSha256).ShouldBe((1, 3, 2, result.FileSha256));
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Core.Imports.ImportRun) && a.EntityId == run.Id.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task A_corrected_mapping_is_saved_on_commit_and_used_by_the_next_import()
    {
        var header = Header();
        header[11] = "本单位管控措施";
        var file = new XlsxBuilder().Sheet("清单").Row(header)
            .Row(Measure(1, "硫酸罐区", "MAP-1", "硫酸储罐", "硫酸泄漏灼烫", "围堰防腐完好", 2, 3, 6, "低风险"))
            .Build();
        var key = HeaderText.Normalize("本单位管控措施");

        var committed = await Importer.RunAsync(database, database.Qd2, file, commit: true, new Dictionary<string, string> { [key] = nameof(RegisterColumn.MeasureDescription) });
        var next = await Importer.RunAsync(database, database.Qd2, file, commit: false);

        committed.Committed.ShouldBeTrue(Importer.Describe(committed));
        next.Columns.Single(c => c.Key == key).Field.ShouldBe(RegisterColumn.MeasureDescription);
        next.Measures.Unchanged.ShouldBe(1);
    }

    [Fact]
    public async Task A_soft_deleted_row_listed_again_is_restored_rather_than_duplicated()
    {
        var file = new XlsxBuilder().Sheet("清单").Row(Header())
            .Row(Measure(1, "氢气站", "DEL-1", "氢气储罐", "氢气泄漏爆炸", "可燃气体报警", 2, 5, 10, "一般风险"))
            .Build();
        await Importer.RunAsync(database, database.Qd2, file, commit: true);
        await using (var owner = database.OwnerContext(TenantScope.System))
        {
            var measure = await owner.ControlMeasures.SingleAsync(m => m.Description == "可燃气体报警");
            measure.SoftDelete(database.Clock.GetUtcNow());
            await owner.SaveChangesAsync();
        }

        var result = await Importer.RunAsync(database, database.Qd2, file, commit: true);

        (result.Measures.New, result.Measures.Updated).ShouldBe((0, 1));
        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Qd2));
        (await db.ControlMeasures.CountAsync(m => m.Description == "可燃气体报警")).ShouldBe(1);
    }
}
