using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Inspections;
using DualPrevention.IntegrationTests.Risks.Register;
using DualPrevention.Testing;
using FluentValidation;

namespace DualPrevention.IntegrationTests.Inspections;

public class DeactivationRecordTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly DateTime Sunday = new(2026, 11, 29);

    [Fact]
    public async Task A_shutdown_suspends_the_windows_inside_it_and_editing_or_deleting_it_brings_them_back()
    {
        var unit = await UnitWithOneOpenWindowAsync("停用单元");
        await using var driver = new RegisterDriver(database);
        var actor = RegisterDriver.EnterpriseUser(database.Qd1, Roles.SafetyOfficer);

        var id = await driver.RunAsync<CreateDeactivationRecord.Handler, Guid>(actor, h => h.HandleAsync(actor, new(unit, new(Sunday, Sunday.AddDays(3), "大修")), default));
        var whileStopped = await StatusAsync(unit);
        await driver.RunAsync<UpdateDeactivationRecord.Handler>(actor, h => h.HandleAsync(actor, new(unit, id, new(Sunday.AddDays(1).AddHours(6), Sunday.AddDays(3), "大修")), default));
        var afterShortening = await StatusAsync(unit);
        await driver.RunAsync<UpdateDeactivationRecord.Handler>(actor, h => h.HandleAsync(actor, new(unit, id, new(Sunday, Sunday.AddDays(3), "大修")), default));
        await driver.RunAsync<DeleteDeactivationRecord.Handler>(actor, h => h.HandleAsync(actor, new(unit, id), default));
        var afterDeleting = await StatusAsync(unit);
        var list = await driver.RunAsync<ListDeactivationRecords.Handler, ListDeactivationRecords.Result>(actor, h => h.HandleAsync(unit, default));

        whileStopped.ShouldBe(InspectionTaskStatus.Suspended);
        afterShortening.ShouldBe(InspectionTaskStatus.Open, "the window started before the shortened period, and has started already");
        afterDeleting.ShouldBe(InspectionTaskStatus.Open);
        list.Records.ShouldBeEmpty();
    }

    [Fact]
    public async Task Periods_are_stored_in_UTC_and_listed_latest_first()
    {
        var unit = await UnitWithOneOpenWindowAsync("列表单元");
        await using var driver = new RegisterDriver(database);
        var actor = RegisterDriver.EnterpriseUser(database.Qd1);

        await driver.RunAsync<CreateDeactivationRecord.Handler, Guid>(actor, h => h.HandleAsync(actor, new(unit, new(Sunday.AddDays(-10), Sunday.AddDays(-9), "检修一")), default));
        await driver.RunAsync<CreateDeactivationRecord.Handler, Guid>(actor, h => h.HandleAsync(actor, new(unit, new(Sunday.AddDays(5), Sunday.AddDays(6), "检修二")), default));
        var list = await driver.RunAsync<ListDeactivationRecords.Handler, ListDeactivationRecords.Result>(actor, h => h.HandleAsync(unit, default));

        list.UnitName.ShouldBe("列表单元");
        list.Records.Select(r => r.Reason).ShouldBe(["检修二", "检修一"]);
        list.Records[0].StopStartAt.ShouldBe(new DateTimeOffset(2026, 12, 3, 16, 0, 0, TimeSpan.Zero), "2026-12-04 00:00 Beijing time");
        (await StatusAsync(unit)).ShouldBe(InspectionTaskStatus.Open);
    }

    [Fact]
    public async Task An_end_before_the_start_a_blank_reason_an_inspector_and_another_enterprise_are_refused()
    {
        var unit = await UnitWithOneOpenWindowAsync("拒绝单元");
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        var inspector = RegisterDriver.EnterpriseUser(database.Qd1, Roles.Inspector);
        var foreign = RegisterDriver.EnterpriseUser(database.Wf1);

        var invalid = await Should.ThrowAsync<ValidationException>(() =>
            driver.RunAsync<CreateDeactivationRecord.Handler, Guid>(admin, h => h.HandleAsync(admin, new(unit, new(Sunday, Sunday.AddHours(-1), " ")), default)));
        await Should.ThrowAsync<DomainRuleException>(() =>
            driver.RunAsync<CreateDeactivationRecord.Handler, Guid>(inspector, h => h.HandleAsync(inspector, new(unit, new(Sunday, Sunday.AddDays(1), "x")), default)));
        await Should.ThrowAsync<NotFoundException>(() =>
            driver.RunAsync<CreateDeactivationRecord.Handler, Guid>(foreign, h => h.HandleAsync(foreign, new(unit, new(Sunday, Sunday.AddDays(1), "x")), default)));
        await Should.ThrowAsync<NotFoundException>(() =>
            driver.RunAsync<ListDeactivationRecords.Handler, ListDeactivationRecords.Result>(foreign, h => h.HandleAsync(unit, default)));

        invalid.Errors.Select(e => e.PropertyName).ShouldBe(["EndLocal", "Reason"], ignoreOrder: true);
    }

    private async Task<Guid> UnitWithOneOpenWindowAsync(string name)
    {
        database.Clock.SetUtcNow(InspectionWindowsBench.MondayMidnight);
        var register = await (await HandBuiltRegister.ForAsync(database, database.Qd1)).AnalysisObject($"D-{name}", name).Unit(name).Event("泄漏", "火灾", l: 2, s: 3)
            .Measure($"{name}措施").SaveAsync();
        await InspectionWindowsBench.GenerateAsync(database, database.Qd1);
        return register.Units[name];
    }

    private async Task<InspectionTaskStatus> StatusAsync(Guid unit) =>
        (await InspectionWindowsBench.WindowsOfUnitAsync(database, unit)).ShouldHaveSingleItem().Status;
}
