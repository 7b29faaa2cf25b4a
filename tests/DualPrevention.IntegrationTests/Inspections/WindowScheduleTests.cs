using System.Globalization;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using static DualPrevention.IntegrationTests.Inspections.InspectionJobs;

namespace DualPrevention.IntegrationTests.Inspections;

/// <summary>Where the generation job puts windows (docs/domain/dual-prevention.md#54-window-generation, ADR 0003): exact Beijing starts and ends per cycle kind.</summary>
public class WindowScheduleTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly InspectionJobs _jobs = new(database);

    [Fact]
    public async Task An_every_two_hours_check_in_work_hours_08_to_17_starts_at_08_10_12_14_and_16_only()
    {
        _jobs.At(2026, 11, 2, 8);
        var measure = await MeasureAsync(HandBuiltRegister.Check("两小时巡检", 2, CycleUnit.Hour, new TimeOnly(8, 0), new TimeOnly(17, 0)));

        await _jobs.GenerateAsync(database.Qd1);

        (await _jobs.SpansOfAsync(measure)).ShouldBe([
            (Local(2026, 11, 2, 8), Local(2026, 11, 2, 10)),
            (Local(2026, 11, 2, 10), Local(2026, 11, 2, 12)),
            (Local(2026, 11, 2, 12), Local(2026, 11, 2, 14)),
            (Local(2026, 11, 2, 14), Local(2026, 11, 2, 16)),
            (Local(2026, 11, 2, 16), Local(2026, 11, 2, 18)),
        ]);
    }

    [Fact]
    public async Task A_night_shift_from_20_to_06_wraps_past_midnight()
    {
        _jobs.At(2026, 11, 2, 8);
        var measure = await MeasureAsync(HandBuiltRegister.Check("夜班巡检", 2, CycleUnit.Hour, new TimeOnly(20, 0), new TimeOnly(6, 0)));

        await _jobs.GenerateAsync(database.Qd1);

        (await _jobs.SpansOfAsync(measure)).Select(w => w.Start).ShouldBe([
            Local(2026, 11, 2, 20), Local(2026, 11, 2, 22), Local(2026, 11, 3, 0), Local(2026, 11, 3, 2), Local(2026, 11, 3, 4),
        ]);
    }

    [Fact]
    public async Task A_daily_check_has_todays_window_open_and_tomorrows_planned_from_local_midnight()
    {
        _jobs.At(2026, 11, 2, 8);
        var measure = await MeasureAsync(HandBuiltRegister.Check("每日检查", 1, CycleUnit.Day));

        await _jobs.GenerateAsync(database.Qd1);

        var windows = await _jobs.WindowsOfAsync(measure);
        windows.Select(w => (w.WindowStart, w.WindowEnd, w.Status)).ShouldBe([
            (Local(2026, 11, 2), Local(2026, 11, 3), InspectionTaskStatus.Open),
            (Local(2026, 11, 3), Local(2026, 11, 4), InspectionTaskStatus.Planned),
        ]);
    }

    [Fact]
    public async Task A_monthly_check_anchored_on_31_January_counts_months_from_the_anchor_and_clamps_to_month_end()
    {
        _jobs.At(2028, 1, 15, 9);
        var measure = await MeasureAsync(HandBuiltRegister.Check("月度检查", 1, CycleUnit.Month));
        await _jobs.GenerateAsync(database.Qd1);
        await PlanFirstStartAsync(measure, Local(2028, 1, 31));

        foreach (var (month, day) in new[] { (2, 29), (3, 31), (4, 30) })
        {
            _jobs.At(2028, month, day, 9);
            await _jobs.GenerateAsync(database.Qd1);
        }

        (await _jobs.SpansOfAsync(measure)).Where(w => w.Start >= Local(2028, 1, 31)).ShouldBe([
            (Local(2028, 2, 29), Local(2028, 3, 31)),
            (Local(2028, 3, 31), Local(2028, 4, 30)),
            (Local(2028, 4, 30), Local(2028, 5, 31)),
        ]);
    }

    [Fact]
    public async Task A_weekly_check_runs_from_ISO_Monday_across_the_year_boundary()
    {
        var newYearsDay = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        (ISOWeek.GetYear(newYearsDay), ISOWeek.GetWeekOfYear(newYearsDay)).ShouldBe((2026, 53));
        _jobs.At(2026, 12, 31, 10);
        var measure = await MeasureAsync(HandBuiltRegister.Check("每周检查", 7, CycleUnit.Day));

        await _jobs.GenerateAsync(database.Qd1);
        _jobs.At(2027, 1, 3, 12);
        await _jobs.GenerateAsync(database.Qd1);

        ISOWeek.ToDateTime(2026, 53, DayOfWeek.Monday).ShouldBe(new DateTime(2026, 12, 28, 0, 0, 0, DateTimeKind.Unspecified));
        (await _jobs.SpansOfAsync(measure)).ShouldBe([
            (Local(2026, 12, 28), Local(2027, 1, 4)),
            (Local(2027, 1, 4), Local(2027, 1, 11)),
        ]);
    }

    [Fact]
    public async Task A_quarterly_check_is_anchored_on_the_first_day_of_the_calendar_quarter()
    {
        _jobs.At(2026, 11, 2, 8);
        var measure = await MeasureAsync(HandBuiltRegister.Check("季度检查", 3, CycleUnit.Month));

        await _jobs.GenerateAsync(database.Qd1);
        _jobs.At(2026, 12, 31, 12);
        await _jobs.GenerateAsync(database.Qd1);

        (await _jobs.SpansOfAsync(measure)).ShouldBe([
            (Local(2026, 10, 1), Local(2027, 1, 1)),
            (Local(2027, 1, 1), Local(2027, 4, 1)),
        ]);
    }

    [Fact]
    public async Task Statutory_working_days_skip_the_National_Day_holidays_and_include_the_adjusted_Saturday()
    {
        _jobs.At(2026, 9, 30, 12);
        var working = await MeasureAsync(HandBuiltRegister.Check("工作日检查", 1, CycleUnit.Day, workDays: WorkDayType.StatutoryWorkingDays));
        var resting = await MeasureAsync(HandBuiltRegister.Check("节假日检查", 1, CycleUnit.Day, workDays: WorkDayType.NonWorkingDays));

        for (var day = new DateTime(2026, 9, 30, 12, 0, 0, DateTimeKind.Unspecified); day.Day != 13; day = day.AddDays(1))
        {
            _jobs.At(day.Year, day.Month, day.Day, 12);
            await _jobs.GenerateAsync(database.Qd1);
        }

        (await StartDatesAsync(working)).ShouldBe(["09-30", "10-08", "10-09", "10-10", "10-12", "10-13"]);
        (await StartDatesAsync(resting)).ShouldBe(["10-01", "10-02", "10-03", "10-04", "10-05", "10-06", "10-07", "10-11"]);
    }

    [Fact]
    public async Task A_measure_checked_by_automatic_monitoring_gets_no_task_definition()
    {
        _jobs.At(2026, 11, 2, 8);
        var measure = await MeasureAsync(HandBuiltRegister.DailyCheck("液位自动监控") with { DataSource = ControlDataSource.AutoMonitoring });

        await _jobs.GenerateAsync(database.Qd1);

        await using var db = database.OwnerContext(TenantScope.System);
        (await db.InspectionTaskDefinitions.IgnoreQueryFilters().AnyAsync(d => d.MeasureId == measure)).ShouldBeFalse();
    }

    [Fact]
    public async Task Only_operating_enterprises_get_task_definitions_and_windows()
    {
        _jobs.At(2026, 11, 2, 8);
        var register = await HandBuiltRegister.ForAsync(database, database.Wf1);
        await register.AnalysisObject("S1", "停产装置").Unit("停产单元").Event("泄漏", "中毒", l: 3, s: 3).Measure("停产企业的检查").SaveAsync();
        await using (var owner = database.OwnerContext(TenantScope.System))
        {
            await owner.Enterprises.Where(e => e.Id == database.Wf1).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EnterpriseStatus.Suspended));
        }

        var result = await _jobs.GenerateAsync();

        result.Enterprises.ShouldBe(2);
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.InspectionTaskDefinitions.IgnoreQueryFilters().AnyAsync(d => d.EnterpriseId == database.Wf1)).ShouldBeFalse();
        (await db.InspectionTasks.AnyAsync(t => t.EnterpriseId == database.Wf1)).ShouldBeFalse();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _jobs.DisposeAsync();

    private async Task<Guid> MeasureAsync(ControlMeasureDetails details)
    {
        var register = await HandBuiltRegister.ForAsync(database, database.Qd1);
        await register.AnalysisObject($"O-{details.Description}", details.Description).Unit(details.Description).Event("泄漏", "火灾", l: 3, s: 3).Measure(details).SaveAsync();
        return register.Measures[details.Description];
    }

    private async Task PlanFirstStartAsync(Guid measureId, DateTimeOffset firstStartAt)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var definition = await db.InspectionTaskDefinitions.SingleAsync(d => d.MeasureId == measureId);
        definition.Plan(new InspectionTaskPlan(firstStartAt, InspectionSource.Routine, null, null), database.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> StartDatesAsync(Guid measureId) =>
        [.. (await _jobs.WindowsOfAsync(measureId)).Select(w => Core.BusinessTime.LocalDate(w.WindowStart).ToString("MM-dd", CultureInfo.InvariantCulture))];
}
