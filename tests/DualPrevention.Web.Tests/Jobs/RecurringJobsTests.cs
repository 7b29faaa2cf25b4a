using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.Jobs;

public class RecurringJobsTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task A_jobs_node_schedules_generation_hourly_window_closing_and_escalation_and_statistics_every_five_minutes_and_deliveries_every_minute_and_report_archives_monthly_in_Beijing_time_and_runs_generation_statistics_and_escalation_at_start()
    {
        await using var jobsNode = web.Factory.WithWebHostBuilder(builder => builder.UseSetting("Node:Jobs", "true"));

        using var storage = jobsNode.Services.GetRequiredService<JobStorage>().GetConnection();
        var scheduled = storage.GetRecurringJobs().ToDictionary(j => j.Id);

        scheduled.Keys.ShouldBe(["inspections:close-windows", "inspections:generate-tasks", "hidden-dangers:escalate", "notifications:deliver", "reports:refresh-statistics", "reports:archive-monthly", "photos:delete-expired", "risks:sync-accountability-tasks", "alarms:escalate", "positioning:maintain-track-partitions", "positioning:check-silent-tags", "permits:expire", "video-alarms:delete-expired-snapshots", "monitoring:check-interrupted-points", "monitoring:maintain-reading-partitions"], ignoreOrder: true);
        (scheduled["inspections:generate-tasks"].Cron, scheduled["inspections:generate-tasks"].TimeZoneId).ShouldBe(("0 * * * *", "Asia/Shanghai"));
        (scheduled["inspections:close-windows"].Cron, scheduled["inspections:close-windows"].TimeZoneId).ShouldBe(("*/5 * * * *", "Asia/Shanghai"));
        (scheduled["hidden-dangers:escalate"].Cron, scheduled["hidden-dangers:escalate"].TimeZoneId).ShouldBe(("*/5 * * * *", "Asia/Shanghai"));
        (scheduled["notifications:deliver"].Cron, scheduled["notifications:deliver"].TimeZoneId).ShouldBe(("* * * * *", "Asia/Shanghai"));
        (scheduled["reports:refresh-statistics"].Cron, scheduled["reports:refresh-statistics"].TimeZoneId).ShouldBe(("1-59/5 * * * *", "Asia/Shanghai"));
        (scheduled["reports:archive-monthly"].Cron, scheduled["reports:archive-monthly"].TimeZoneId).ShouldBe(("30 0 1 * *", "Asia/Shanghai"));
        (scheduled["risks:sync-accountability-tasks"].Cron, scheduled["risks:sync-accountability-tasks"].LastJobId).ShouldSatisfyAllConditions(
            job => job.Item1.ShouldBe("50 * * * *"),
            job => job.Item2.ShouldNotBeNull("a release's changed 包保 list lands at start"));
        (scheduled["positioning:maintain-track-partitions"].Cron, scheduled["positioning:maintain-track-partitions"].LastJobId).ShouldSatisfyAllConditions(
            job => job.Item1.ShouldBe("20 23 * * *"),
            job => job.Item2.ShouldNotBeNull("today's track partition exists before the first fix"));
        scheduled.Values.ShouldAllBe(j => j.Error == null && j.Job != null);
        (scheduled["inspections:generate-tasks"].LastJobId, scheduled["reports:refresh-statistics"].LastJobId, scheduled["hidden-dangers:escalate"].LastJobId)
            .ShouldSatisfyAllConditions(
                ids => ids.Item1.ShouldNotBeNull("a fresh start generates today's windows at once"),
                ids => ids.Item2.ShouldNotBeNull("a fresh start counts the statistics at once"),
                ids => ids.Item3.ShouldNotBeNull("a fresh start escalates at once"));
    }
}
