using DualPrevention.Core.Inspections;
using DualPrevention.Core.Risks;
using DualPrevention.IntegrationTests.Risks.Register;
using DualPrevention.Testing;

namespace DualPrevention.IntegrationTests.Inspections;

public class InspectionBoardTests(BoardDatabase database) : IClassFixture<BoardDatabase>
{
    [Fact]
    public async Task Eight_due_with_five_on_time_one_late_and_two_missed_rate_63_percent_by_unit_department_and_week()
    {
        var unit = database.Unit;
        await using var driver = new RegisterDriver(database);
        var actor = RegisterDriver.EnterpriseUser(database.Qd2);

        var byUnit = await Board(driver, actor, new(InspectionWindowsBench.Monday, UnitId: unit));
        var byDepartment = await Board(driver, actor, new(InspectionWindowsBench.Monday, GroupBy: SummarizeInspectionBoard.Grouping.Department, UnitId: unit));
        var week = await Board(driver, actor, new(InspectionWindowsBench.Monday.AddDays(3), BoardPeriodKind.Week, UnitId: unit));

        var group = byUnit.Groups.Items.ShouldHaveSingleItem();
        group.ShouldBe(new SummarizeInspectionBoard.Group(unit, "看板单元", false, Due: 8, CompletedOnTime: 5, Late: 1, Missed: 2, Open: 0, Suspended: 1, Rate: 63));
        byDepartment.Groups.Items.ShouldHaveSingleItem().Name.ShouldBe("生产部");
        byDepartment.Groups.Items[0].Rate.ShouldBe(63);
        week.From.ShouldBe(InspectionWindowsBench.Monday);
        week.To.ShouldBe(InspectionWindowsBench.Monday.AddDays(7));
        week.Totals.Rate.ShouldBe(63);
    }

    [Fact]
    public async Task The_board_groups_unassigned_windows_together_sorts_by_rate_and_filters_by_status()
    {
        await using var driver = new RegisterDriver(database);
        var actor = RegisterDriver.EnterpriseUser(database.Qd2);

        var byPerson = await Board(driver, actor, new(InspectionWindowsBench.Monday, GroupBy: SummarizeInspectionBoard.Grouping.Person));
        var byRate = await Board(driver, actor, new(InspectionWindowsBench.Monday, SortByRate: true, Descending: true));
        var missedOnly = await Board(driver, actor, new(InspectionWindowsBench.Monday, Status: InspectionTaskStatus.Missed));
        var otherDay = await Board(driver, actor, new(InspectionWindowsBench.Monday.AddDays(2)));

        byPerson.Groups.Items.ShouldHaveSingleItem().Name.ShouldBeNull("nobody was assigned: the page shows 未分配");
        byRate.Groups.Items.Select(g => g.Rate).ShouldBe([63, 0]);
        missedOnly.Totals.Missed.ShouldBe(2);
        missedOnly.Totals.CompletedOnTime.ShouldBe(0);
        otherDay.Groups.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Accountability_completion_counts_each_role_and_reports_roles_with_nothing_due()
    {
        await using var driver = new RegisterDriver(database);
        var actor = RegisterDriver.EnterpriseUser(database.Qd2);

        var result = await driver.RunAsync<SummarizeAccountabilityCompletion.Handler, SummarizeAccountabilityCompletion.Result>(
            actor, h => h.HandleAsync(new(InspectionWindowsBench.Monday), default));

        result.Roles.Select(r => (r.TaskType, r.Due, r.Completed, r.Rate)).ShouldBe(
        [
            (InspectionTaskType.PrincipalResponsible, 1, 0, (int?)0),
            (InspectionTaskType.TechnicalResponsible, 0, 0, null),
            (InspectionTaskType.OperationalResponsible, 0, 0, null),
        ]);
    }

    [Fact]
    public async Task Another_enterprise_cannot_read_the_board_and_its_own_is_empty()
    {
        await using var driver = new RegisterDriver(database);
        var wf1 = RegisterDriver.EnterpriseUser(database.Wf1);

        var own = await Board(driver, wf1, new(InspectionWindowsBench.Monday));

        own.Groups.TotalCount.ShouldBe(0);
        await Should.ThrowAsync<Core.NotFoundException>(() => Board(driver, wf1, new(InspectionWindowsBench.Monday, EnterpriseId: database.Qd2)));
        await Should.ThrowAsync<Core.NotFoundException>(() => Board(driver, RegisterDriver.Regulator("370700"), new(InspectionWindowsBench.Monday, EnterpriseId: database.Qd2)));
    }

    [Fact]
    public void Rates_round_half_away_from_zero_and_are_absent_when_nothing_is_due()
    {
        BoardPeriod.Rate(5, 8).ShouldBe(63);
        BoardPeriod.Rate(1, 8).ShouldBe(13);
        BoardPeriod.Rate(0, 0).ShouldBeNull();
        BoardPeriod.Of(BoardPeriodKind.Week, new DateOnly(2026, 12, 6)).From.ShouldBe(InspectionWindowsBench.Monday);
    }

    private static Task<SummarizeInspectionBoard.Result> Board(RegisterDriver driver, Core.Accounts.Actor actor, SummarizeInspectionBoard.Query query) =>
        driver.RunAsync<SummarizeInspectionBoard.Handler, SummarizeInspectionBoard.Result>(actor, h => h.HandleAsync(query, default));
}

/// <summary>
/// Demo data plus, for Qd2 on Monday 2026-11-30: unit 看板单元 with nine daily windows (five completed, one late,
/// two missed, one suspended) and unit 包保单元 with one open 主要负责人 window.
/// </summary>
public sealed class BoardDatabase : DemoDatabase
{
    public Guid Unit { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.SetUtcNow(InspectionWindowsBench.MondayMidnight);
        var register = (await HandBuiltRegister.ForAsync(this, Qd2)).AnalysisObject("BOARD", "看板对象").Unit("看板单元").Event("泄漏", "火灾", l: 2, s: 3);
        for (var i = 1; i <= 9; i++)
        {
            register.Measure($"看板措施{i}");
        }

        register.Unit("包保单元").Event("超压", "爆炸", l: 2, s: 3)
            .Measure(InspectionWindowsBench.Accountability("主要负责人检查", InspectionTaskType.PrincipalResponsible, 1));
        await register.SaveAsync();
        await InspectionWindowsBench.GenerateAsync(this, Qd2);
        Unit = register.Units["看板单元"];
        var windows = await InspectionWindowsBench.WindowsOfUnitAsync(this, Unit);
        windows.Count.ShouldBe(9);
        await InspectionWindowsBench.SetStatusAsync(this, windows.Take(5).Select(w => w.Id), InspectionTaskStatus.Completed);
        await InspectionWindowsBench.SetStatusAsync(this, windows.Skip(5).Take(3).Select(w => w.Id), InspectionTaskStatus.Missed);
        await InspectionWindowsBench.SetStatusAsync(this, [windows[8].Id], InspectionTaskStatus.Suspended);
        await InspectionWindowsBench.RecordLateAsync(this, windows[5].Id, TimeSpan.FromHours(1));
    }
}
