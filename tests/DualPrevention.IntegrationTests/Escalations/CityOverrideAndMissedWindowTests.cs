using System.Globalization;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Escalations;

public class CityOverrideAndMissedWindowTests(SampleRegisterDatabase database) : IClassFixture<SampleRegisterDatabase>
{
    [Fact]
    public async Task A_city_override_replaces_the_province_step_of_the_same_code_for_that_city_only()
    {
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            db.EscalationRules.Add(EscalationRule.Create("370700", "overdue-7d-city", Core.HiddenDangers.HiddenDangerLevel.General, EscalationTrigger.Overdue, 2, EscalationTarget.CitySupervision));
            db.EscalationRules.Add(EscalationRule.Create("370700", "remind-3d", null, EscalationTrigger.BeforeDeadline, 3, EscalationTarget.Rectifier, isActive: false));
            await db.SaveChangesAsync();
        }

        var deadline = database.DeadlineAhead(10);
        var weifang = await ForcedHiddenDanger.Of(database.Wf1).DueOn(deadline).SaveAsync(database);
        var qingdao = await ForcedHiddenDanger.Of(database.Qd1).DueOn(deadline).SaveAsync(database);

        database.SetLocalDay(deadline.AddDays(-3));
        await database.EscalateAndNotifyAsync();
        database.SetLocalDay(deadline.AddDays(3));
        await database.EscalateAndNotifyAsync();

        (await database.StepsOfAsync(weifang)).ShouldBe(["overdue-7d-city"]);
        (await database.RecipientsOfAsync(weifang, "overdue-7d-city")).ShouldBe(["weifang"]);
        (await database.StepsOfAsync(qingdao)).ShouldBe(["remind-3d"]);
    }

    [Fact]
    public async Task An_enterprise_with_more_missed_windows_in_a_week_than_the_threshold_goes_on_the_city_list_once()
    {
        var today = database.DeadlineAhead(7);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        database.SetLocalDay(monday);
        await GenerateDefinitionsAsync();
        await AddMissedWindowsAsync(20, monday);
        database.SetLocalDay(monday.AddDays(3));

        await database.EscalateAsync();
        (await MissedWindowRecordsAsync(monday)).ShouldBeEmpty();

        await AddMissedWindowsAsync(1, monday.AddDays(2));
        await database.EscalateAndNotifyAsync();
        await database.EscalateAndNotifyAsync();

        var record = (await MissedWindowRecordsAsync(monday)).ShouldHaveSingleItem();
        record.StepCode.ShouldBe("missed-windows-city");
        await using var db = database.OwnerContext(TenantScope.System);
        var notice = await db.Notifications.SingleAsync(n => n.EscalationRecordId == record.Id);
        notice.RecipientUserId.ShouldBe(await database.UserIdAsync("qingdao"));
        notice.InChinese().Body.ShouldContain("21 个排查任务漏检");
        notice.Link.ShouldBe("supervision/city");
    }

    [Fact]
    public async Task Windows_missed_in_the_small_hours_of_last_weeks_monday_count_toward_last_week()
    {
        var today = database.DeadlineAhead(14);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var lastMonday = thisMonday.AddDays(-7);
        database.SetLocalDay(lastMonday);
        await GenerateDefinitionsAsync();
        await AddMissedWindowsAsync(21, lastMonday);
        database.SetLocalDay(thisMonday.AddDays(1));

        await database.EscalateAndNotifyAsync();

        var record = (await MissedWindowRecordsAsync(lastMonday)).ShouldHaveSingleItem();
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.Notifications.SingleAsync(n => n.EscalationRecordId == record.Id)).InChinese().Body.ShouldContain("21 个排查任务漏检");
    }

    /// <summary>demo-qd1's missed-window records of the ISO week starting <paramref name="monday"/>.</summary>
    private async Task<List<EscalationRecord>> MissedWindowRecordsAsync(DateOnly monday)
    {
        var week = monday.ToDateTime(TimeOnly.MinValue);
        var period = $"{ISOWeek.GetYear(week)}-W{ISOWeek.GetWeekOfYear(week):00}";
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.EscalationRecords
            .Where(r => r.Subject == EscalationSubject.MissedWindows && r.SubjectId == database.Qd1 && r.Period == period)
            .AsNoTracking().ToListAsync();
    }

    private async Task GenerateDefinitionsAsync()
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<GenerateInspectionTasks.Handler>()
            .HandleAsync(new GenerateInspectionTasks.Command([database.Qd1]), null, CancellationToken.None);
    }

    /// <summary>Adds <paramref name="count"/> one-hour windows ended and missed on <paramref name="day"/> (local), spread over the definitions.</summary>
    private async Task AddMissedWindowsAsync(int count, DateOnly day)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO inspection_task (id, enterprise_id, region_code, definition_id, unit_id, task_type, window_start, window_end, status, created_at)
            SELECT gen_random_uuid(), d.enterprise_id, d.region_code, d.id, d.unit_id, d.task_type,
                   ({day}::date + time '02:00' + make_interval(mins => g)) AT TIME ZONE 'Asia/Shanghai',
                   ({day}::date + time '03:00' + make_interval(mins => g)) AT TIME ZONE 'Asia/Shanghai', 3, now()
            FROM generate_series(1, {count}) g
            JOIN LATERAL (SELECT * FROM inspection_task_definition WHERE enterprise_id = {database.Qd1} ORDER BY id LIMIT 1) d ON true
            """);
    }
}
