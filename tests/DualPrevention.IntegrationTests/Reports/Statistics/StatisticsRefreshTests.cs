using DualPrevention.Core.Inspections;
using DualPrevention.Core.Reports.Statistics;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Inspections;
using DualPrevention.IntegrationTests.Risks.Register;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Reports.Statistics;

/// <summary>The statistics table follows the windows as the jobs and people change them, and equals a full rebuild.</summary>
public class StatisticsRefreshTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Records_closures_and_a_maintenance_stop_reach_the_statistics_and_match_a_rebuild()
    {
        await using var jobs = new InspectionJobs(database);
        jobs.At(2026, 12, 7);
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "统计单元", "检查甲", "检查乙", "检查丙");
        (await RefreshAsync()).Rebuilt.ShouldBeTrue();
        (await DayAsync(database.Qd1, new(2026, 12, 7))).ShouldBe((Due: 0, Completed: 0, Late: 0, Missed: 0, Open: 3, Suspended: 0));

        jobs.At(2026, 12, 7, 10);
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Core.Accounts.Roles.Inspector);
        await InspectionSite.SubmitAsync(database, inspector, InspectionSite.Check((await site.OpenWindowAsync("检查甲")).Id));
        jobs.At(2026, 12, 9, 1);
        await jobs.CloseAsync();
        var third = (await site.WindowsAsync()).First(w => w.Status == InspectionTaskStatus.Missed);
        await InspectionWindowsBench.RecordLateAsync(database, third.Id, TimeSpan.FromHours(2));
        (await RefreshAsync()).Rebuilt.ShouldBeFalse();

        (await DayAsync(database.Qd1, new(2026, 12, 7))).ShouldBe((Due: 3, Completed: 1, Late: 1, Missed: 1, Open: 0, Suspended: 0));

        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        await site.GenerateAsync();
        await driver.RunAsync<CreateDeactivationRecord.Handler, Guid>(
            admin, h => h.HandleAsync(admin, new(site.UnitId, new(new DateTime(2026, 12, 9), new DateTime(2026, 12, 11), "大修")), default));
        (await DayAsync(database.Qd1, new(2026, 12, 9))).Suspended.ShouldBe(3, "the stop recounts its days at once, before any job runs");

        var incremental = await RowsAsync();
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            await db.StatisticsRefreshMarks.ExecuteDeleteAsync();
        }

        (await RefreshAsync()).Rebuilt.ShouldBeTrue();
        (await RowsAsync()).ShouldBe(incremental);
    }

    [Fact]
    public async Task An_enterprise_reads_only_its_own_statistics()
    {
        await RefreshAsync();
        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Wf1));

        (await db.InspectionDailyStatistics.IgnoreQueryFilters([Core.Data.DualPreventionDbContext.TenantFilter]).AnyAsync(s => s.EnterpriseId != database.Wf1))
            .ShouldBeFalse("row-level security hides other enterprises' rows even without the query filter");
    }

    private async Task<RefreshInspectionStatistics.Result> RefreshAsync()
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        return await scope.ServiceProvider.GetRequiredService<RefreshInspectionStatistics.Handler>().HandleAsync(CancellationToken.None);
    }

    private async Task<(int Due, int Completed, int Late, int Missed, int Open, int Suspended)> DayAsync(Guid enterpriseId, DateOnly day)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var rows = await db.InspectionDailyStatistics.Where(s => s.EnterpriseId == enterpriseId && s.Day == day).ToListAsync();
        return (rows.Sum(r => r.Due), rows.Sum(r => r.Completed), rows.Sum(r => r.Late), rows.Sum(r => r.Missed), rows.Sum(r => r.Open), rows.Sum(r => r.Suspended));
    }

    private async Task<List<string>> RowsAsync()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.InspectionDailyStatistics.OrderBy(s => s.EnterpriseId).ThenBy(s => s.Day).ThenBy(s => s.TaskType)
            .Select(s => $"{s.EnterpriseId} {s.Day} {s.TaskType} {s.Due} {s.Completed} {s.Late} {s.Missed} {s.Open} {s.Suspended}")
            .ToListAsync();
    }
}
