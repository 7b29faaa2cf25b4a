using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Imports;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using DualPrevention.Testing.Workbooks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.HiddenDangers;

public class LedgerImportTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly object[] Header = ["问题描述", "检查时间", "隐患类型", "隐患级别", "责任人", "整改期限", "复查人", "隐患状态"];

    private Task<ImportHiddenDangerLedger.Result> ImportAsync(Guid enterpriseId, byte[] file, bool commit, string role = Roles.EnterpriseAdmin)
    {
        var actor = As.Enterprise(enterpriseId, role);
        return As.RunAsync<ImportHiddenDangerLedger.Handler, ImportHiddenDangerLedger.Result>(
            database, actor, h => h.HandleAsync(actor, new ImportHiddenDangerLedger.Command(file, "隐患台账.xlsx", commit), CancellationToken.None));
    }

    private static string Describe(ImportHiddenDangerLedger.Result result) =>
        string.Join("\n", result.Problems.Select(p => $"{p.Severity} {p.Sheet}!{p.Column}{p.Row} [{p.Header}] {p.Message}"));

    [Fact]
    public async Task The_real_ledger_imports_all_57_rows_with_levels_and_states_mapped_and_a_reimport_changes_nothing()
    {
        var sample = Samples.HiddenDangerLedger();

        var preview = await ImportAsync(database.Qd1, sample, commit: false);
        var committed = await ImportAsync(database.Qd1, sample, commit: true);
        var again = await ImportAsync(database.Qd1, sample, commit: true);

        preview.ErrorCount.ShouldBe(0, Describe(preview));
        (preview.Committed, preview.DataRows, preview.New, preview.General, preview.Major).ShouldBe((false, 57, 57, 56, 1));
        preview.WarningCount.ShouldBe(57, "every 隐患类型 is an accident type such as 触电, imported as 其他 with a warning");
        committed.Committed.ShouldBeTrue(Describe(committed));
        (again.Committed, again.New, again.Unchanged).ShouldBe((true, 0, 57));
        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Qd1));
        (await db.HiddenDangers.CountAsync()).ShouldBe(57);
        (await db.HiddenDangers.CountAsync(h => h.State == HiddenDangerState.Accepted && h.Level == HiddenDangerLevel.General)).ShouldBe(56);
        var major = await db.HiddenDangers.SingleAsync(h => h.Level == HiddenDangerLevel.Major);
        (major.LedgerNo, major.State, major.ClosedOutAt).ShouldBe(("18", HiddenDangerState.ClosedOut, major.AcceptedAt));
        var first = await db.HiddenDangers.SingleAsync(h => h.LedgerNo == "1");
        first.Description.ShouldStartWith("四化建浓缩框架消防管安装施工");
        BusinessTime.LocalDate(first.ReportedAt).ShouldBe(new DateOnly(2020, 5, 24));
        (first.Deadline, first.RectifierName, first.RectifierUserId, first.Location).ShouldBe((new DateOnly(2020, 5, 24), "张工01", null, "中国化学工程第四建设有限公司"));
        (first.Origin, first.Category, first.RemediationType, first.RemediationMeasures).ShouldBe(
            (HiddenDangerOrigin.LedgerImport, HiddenDangerCategory.Other, RemediationType.FixOnSpot, "当场纠正"));
        (await db.HiddenDangers.CountAsync(h => h.RemediationType == RemediationType.FixByDeadline)).ShouldBe(8);
        (await db.HiddenDangerHistory.CountAsync(e => e.Action == ImportHiddenDangerLedger.ImportedAction)).ShouldBe(57);
        (await db.ImportRuns.Where(r => r.Kind == ImportKind.HiddenDangerLedger).Select(r => r.Created).ToListAsync()).ShouldBe([57, 0], ignoreOrder: true);
    }

    [Fact]
    public async Task A_file_with_one_bad_row_commits_nothing_and_names_the_row_and_column()
    {
        var file = new XlsxBuilder().Sheet("台账")
            .Row("隐患排查治理台账")
            .Row(Header)
            .Row("消防栓被遮挡", new DateTime(2026, 3, 1), "消防", "一般事故隐患", "张三", new DateTime(2026, 3, 5), "李四", "关闭")
            .Row("配电柜接地线松动", "2026-13-45", "电气", "一般事故隐患", "张三", "2026-03-10", "李四", "关闭")
            .Build();

        var result = await ImportAsync(database.Qd2, file, commit: true);

        result.Committed.ShouldBeFalse();
        result.ErrorCount.ShouldBe(1, Describe(result));
        var problem = result.Problems.Single(p => p.Severity == ImportSeverity.Error);
        (problem.Sheet, problem.Row, problem.Column, problem.Header).ShouldBe(("台账", 4, "B", "检查时间"));
        problem.Message.ShouldContain("2026-13-45");
        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Qd2));
        (await db.HiddenDangers.CountAsync(h => h.Origin == HiddenDangerOrigin.LedgerImport)).ShouldBe(0);
    }

    [Fact]
    public async Task Remediation_funds_beyond_what_a_hidden_danger_holds_are_refused_naming_the_row_and_column()
    {
        var file = new XlsxBuilder().Sheet("台账")
            .Row("隐患排查治理台账")
            .Row([.. Header, "治理资金"])
            .Row("消防栓被遮挡", new DateTime(2026, 3, 1), "消防", "一般事故隐患", "张三", new DateTime(2026, 3, 5), "李四", "关闭", 1e12)
            .Build();

        var result = await ImportAsync(database.Qd2, file, commit: true);

        result.Committed.ShouldBeFalse();
        var problem = result.Problems.ShouldHaveSingleItem(Describe(result));
        (problem.Severity, problem.Sheet, problem.Row, problem.Column, problem.Header).ShouldBe((ImportSeverity.Error, "台账", 3, "I", "治理资金"));
    }

    [Fact]
    public async Task Words_dates_and_names_are_read_the_ways_ledgers_write_them_and_rows_without_a_number_are_known_by_date_and_text()
    {
        string adminName;
        await using (var owner = database.OwnerContext(TenantScope.System))
        {
            adminName = await owner.Users.Where(u => u.UserName == "demo-wf1-admin").Select(u => u.DisplayName).SingleAsync();
        }

        var file = new XlsxBuilder().Sheet("Sheet1")
            .Row(Header)
            .Row("电缆桥架盖板缺失", "2026/3/5", "电气类", "一般隐患", adminName, "2026年3月20日", "外部专家", "已验收")
            .Row("储罐液位计失灵", "2026年3月6日", "仪表", "重大事故隐患", "王五", "2026-04-30", null, "整改中")
            .Row("巡检记录不全", "2026-03-07", "管理", "一般事故隐患", "王五", null, null, "待验收")
            .Build();

        var preview = await ImportAsync(database.Wf1, file, commit: false);
        var committed = await ImportAsync(database.Wf1, file, commit: true);
        var again = await ImportAsync(database.Wf1, file, commit: true);

        preview.ErrorCount.ShouldBe(0, Describe(preview));
        preview.Problems.Single().ShouldSatisfyAllConditions(p => p.Severity.ShouldBe(ImportSeverity.Warning), p => (p.Row, p.Column).ShouldBe((4, "C")));
        committed.New.ShouldBe(3);
        (again.New, again.Unchanged).ShouldBe((0, 3));
        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Wf1));
        var rows = await db.HiddenDangers.OrderBy(h => h.ReportedAt).ToListAsync();
        rows.Count.ShouldBe(3);
        (rows[0].State, rows[0].Category, rows[0].Deadline, rows[0].RectifierUserId is not null, rows[0].AccepterName, rows[0].AccepterUserId)
            .ShouldBe((HiddenDangerState.Accepted, (HiddenDangerCategory?)HiddenDangerCategory.Electrical, (DateOnly?)new DateOnly(2026, 3, 20), true, "外部专家", (Guid?)null));
        (rows[1].State, rows[1].Level, rows[1].Category).ShouldBe((HiddenDangerState.Rectifying, HiddenDangerLevel.Major, (HiddenDangerCategory?)HiddenDangerCategory.Instrumentation));
        (await db.MajorHiddenDangerCases.SingleAsync()).HiddenDangerId.ShouldBe(rows[1].Id);
        (rows[2].State, rows[2].Category, rows[2].LedgerNo!.Length).ShouldBe((HiddenDangerState.PendingAcceptance, (HiddenDangerCategory?)HiddenDangerCategory.Other, 21));
    }

    [Fact]
    public async Task Inspectors_cannot_import_a_ledger()
    {
        await Should.ThrowAsync<DomainRuleException>(() => ImportAsync(database.Qd1, Samples.HiddenDangerLedger(), commit: false, Roles.Inspector));
    }
}
