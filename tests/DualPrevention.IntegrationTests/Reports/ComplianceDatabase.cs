using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Reports.Statistics;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Inspections;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Reports;

/// <summary>
/// Demo data plus a hand-built November 2026 for Qd2 (青岛, 370200) and Wf1 (潍坊, 370700); the clock stands at
/// Monday 2026-11-30 00:00 Asia/Shanghai. Qd2: unit 报表单元 (one LS 2×3 = 6 event, 低) with eight daily checks —
/// four completed, one late, two missed, one suspended — and unit 包保单元 (one LS 4×5 = 20 event, 重大) with one
/// 主要负责人 check completed: 8 due, 5 on time (62.5 %). Hidden dangers: general registered 11-05 due 11-10
/// accepted 11-09 (on time); general registered 11-06 due 11-12 accepted 11-15 (late); general registered 11-07 due
/// 11-20 still rectifying (overdue); general registered in October due 11-25 pending acceptance (overdue); major
/// registered 11-08 due 12-31 posted by the city; major registered in October due 11-28 rectifying (overdue: veto);
/// one invalidated in November. Wf1: one unit with one daily check, completed; one general registered 11-02 due 12-05.
/// </summary>
public sealed class ComplianceDatabase : DemoDatabase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.SetUtcNow(InspectionWindowsBench.MondayMidnight);
        await BuildQd2Async();
        await BuildWf1Async();
        await RefreshAsync();
    }

    /// <summary>Runs the statistics job at the database clock.</summary>
    public async Task<RefreshInspectionStatistics.Result> RefreshAsync()
    {
        await using var services = CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        return await scope.ServiceProvider.GetRequiredService<RefreshInspectionStatistics.Handler>().HandleAsync(CancellationToken.None);
    }

    private async Task BuildQd2Async()
    {
        var register = (await HandBuiltRegister.ForAsync(this, Qd2)).AnalysisObject("REPORT", "报表对象").Unit("报表单元").Event("泄漏", "火灾", l: 2, s: 3);
        for (var i = 1; i <= 8; i++)
        {
            register.Measure($"报表措施{i}");
        }

        register.Unit("包保单元").Event("超压", "爆炸", l: 4, s: 5)
            .Measure(InspectionWindowsBench.Accountability("主要负责人检查", InspectionTaskType.PrincipalResponsible, 1));
        await register.SaveAsync();
        await InspectionWindowsBench.GenerateAsync(this, Qd2);
        var windows = await InspectionWindowsBench.WindowsOfUnitAsync(this, register.Units["报表单元"]);
        windows.Count.ShouldBe(8);
        await InspectionWindowsBench.SetStatusAsync(this, windows.Take(4).Select(w => w.Id), InspectionTaskStatus.Completed);
        await InspectionWindowsBench.SetStatusAsync(this, windows.Skip(4).Take(3).Select(w => w.Id), InspectionTaskStatus.Missed);
        await InspectionWindowsBench.SetStatusAsync(this, [windows[7].Id], InspectionTaskStatus.Suspended);
        await InspectionWindowsBench.RecordLateAsync(this, windows[4].Id, TimeSpan.FromHours(1));
        var accountability = await InspectionWindowsBench.WindowsOfUnitAsync(this, register.Units["包保单元"]);
        await InspectionWindowsBench.SetStatusAsync(this, [accountability.ShouldHaveSingleItem().Id], InspectionTaskStatus.Completed);

        var onTime = await HiddenDangerSeed.AddAsync(this, Qd2, "按期整改", state: HiddenDangerState.Accepted, foundOn: new(2026, 11, 5), deadline: new(2026, 11, 10));
        await AcceptOnAsync(onTime, new DateOnly(2026, 11, 9));
        var late = await HiddenDangerSeed.AddAsync(this, Qd2, "逾期整改", state: HiddenDangerState.Accepted, foundOn: new(2026, 11, 6), deadline: new(2026, 11, 12));
        await AcceptOnAsync(late, new DateOnly(2026, 11, 15));
        await HiddenDangerSeed.AddAsync(this, Qd2, "超期未改", foundOn: new(2026, 11, 7), deadline: new(2026, 11, 20));
        await HiddenDangerSeed.AddAsync(this, Qd2, "十月发现", state: HiddenDangerState.PendingAcceptance, foundOn: new(2026, 10, 20), deadline: new(2026, 11, 25));
        var posted = await HiddenDangerSeed.AddAsync(this, Qd2, "重大挂牌", HiddenDangerLevel.Major, foundOn: new(2026, 11, 8), deadline: new(2026, 12, 31));
        await HiddenDangerSeed.PostAsync(this, posted);
        await HiddenDangerSeed.AddAsync(this, Qd2, "重大超期", HiddenDangerLevel.Major, foundOn: new(2026, 10, 3), deadline: new(2026, 11, 28));
        await HiddenDangerSeed.AddAsync(this, Qd2, "作废", state: HiddenDangerState.Invalidated, foundOn: new(2026, 11, 9), deadline: new(2026, 11, 19));
    }

    private async Task BuildWf1Async()
    {
        var register = (await HandBuiltRegister.ForAsync(this, Wf1)).AnalysisObject("REPORT", "报表对象").Unit("潍坊单元").Event("泄漏", "火灾", l: 2, s: 3)
            .Measure("潍坊措施");
        await register.SaveAsync();
        await InspectionWindowsBench.GenerateAsync(this, Wf1);
        var windows = await InspectionWindowsBench.WindowsOfUnitAsync(this, register.Units["潍坊单元"]);
        await InspectionWindowsBench.SetStatusAsync(this, [windows.ShouldHaveSingleItem().Id], InspectionTaskStatus.Completed);
        await HiddenDangerSeed.AddAsync(this, Wf1, "潍坊隐患", foundOn: new(2026, 11, 2), deadline: new(2026, 12, 5));
    }

    private async Task AcceptOnAsync(Guid hiddenDangerId, DateOnly day)
    {
        await using var db = OwnerContext(TenantScope.System);
        var at = Core.BusinessTime.FromLocal(day.ToDateTime(new TimeOnly(15, 0)));
        await db.HiddenDangers.Where(h => h.Id == hiddenDangerId).ExecuteUpdateAsync(s => s.SetProperty(h => h.AcceptedAt, at));
    }
}
