using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Inspections;
using DualPrevention.IntegrationTests.Risks.Register;
using DualPrevention.Testing;
using FluentValidation;

namespace DualPrevention.IntegrationTests.Inspections;

public class HolidayCalendarTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly Actor Province = RegisterDriver.Regulator("370000", Roles.ProvinceStaff);

    [Fact]
    public async Task The_seeded_calendar_lists_the_Spring_Festival_of_2026_and_the_years_it_covers()
    {
        await using var driver = new RegisterDriver(database);

        var year = await driver.RunAsync<ListHolidayCalendarDays.Handler, ListHolidayCalendarDays.Result>(
            RegisterDriver.EnterpriseUser(database.Qd1, Roles.Inspector), h => h.HandleAsync(2026, default));

        year.Days.ShouldContain(d => d.Kind == HolidayKind.Holiday && d.Date.Month == 2);
        year.Days.ShouldContain(d => d.Kind == HolidayKind.AdjustedWorkingDay);
        year.Years.ShouldBe([2025, 2026, 2027]);
    }

    [Fact]
    public async Task Province_staff_add_correct_and_delete_a_day()
    {
        await using var driver = new RegisterDriver(database);
        var day = new DateOnly(2028, 1, 1);

        await driver.RunAsync<SaveHolidayCalendarDay.Handler>(Province, h => h.HandleAsync(Province, new(null, new(day, HolidayKind.Holiday, "元旦")), default));
        await driver.RunAsync<SaveHolidayCalendarDay.Handler>(Province, h => h.HandleAsync(Province, new(day, new(day, HolidayKind.AdjustedWorkingDay, " 元旦调休 ")), default));
        var corrected = await driver.RunAsync<ListHolidayCalendarDays.Handler, ListHolidayCalendarDays.Result>(Province, h => h.HandleAsync(2028, default));
        await driver.RunAsync<DeleteHolidayCalendarDay.Handler>(Province, h => h.HandleAsync(Province, day, default));
        var deleted = await driver.RunAsync<ListHolidayCalendarDays.Handler, ListHolidayCalendarDays.Result>(Province, h => h.HandleAsync(2028, default));

        corrected.Days.ShouldHaveSingleItem().ShouldBe(new ListHolidayCalendarDays.Row(day, HolidayKind.AdjustedWorkingDay, "元旦调休"), "2028-01-01 is a Saturday");
        deleted.Days.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_adjusted_working_day_on_a_weekday_a_listed_date_and_an_enterprise_admin_are_refused()
    {
        await using var driver = new RegisterDriver(database);
        var wednesday = new DateOnly(2029, 2, 28);
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);

        var weekday = await Should.ThrowAsync<ValidationException>(() => driver.RunAsync<SaveHolidayCalendarDay.Handler>(
            Province, h => h.HandleAsync(Province, new(null, new(wednesday, HolidayKind.AdjustedWorkingDay, "调休")), default)));
        await driver.RunAsync<SaveHolidayCalendarDay.Handler>(Province, h => h.HandleAsync(Province, new(null, new(wednesday, HolidayKind.Holiday, "测试节")), default));
        var duplicate = await Should.ThrowAsync<DomainRuleException>(() => driver.RunAsync<SaveHolidayCalendarDay.Handler>(
            Province, h => h.HandleAsync(Province, new(null, new(wednesday, HolidayKind.Holiday, "又一个")), default)));
        await Should.ThrowAsync<DomainRuleException>(() => driver.RunAsync<SaveHolidayCalendarDay.Handler>(
            admin, h => h.HandleAsync(admin, new(null, new(new DateOnly(2029, 3, 1), HolidayKind.Holiday, "企业节")), default)));
        await Should.ThrowAsync<NotFoundException>(() => driver.RunAsync<DeleteHolidayCalendarDay.Handler>(Province, h => h.HandleAsync(Province, new DateOnly(2029, 3, 3), default)));

        weekday.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Kind");
        duplicate.Message.ShouldContain("2029-02-28");
    }
}
