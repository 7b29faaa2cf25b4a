using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.Jobs;

public class RecurringJobsTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task A_jobs_node_schedules_generation_hourly_and_window_closing_every_five_minutes_in_Beijing_time()
    {
        await using var jobsNode = web.Factory.WithWebHostBuilder(builder => builder.UseSetting("Node:Jobs", "true"));

        using var storage = jobsNode.Services.GetRequiredService<JobStorage>().GetConnection();
        var scheduled = storage.GetRecurringJobs().ToDictionary(j => j.Id);

        scheduled.Keys.ShouldBe(["inspections:close-windows", "inspections:generate-tasks"], ignoreOrder: true);
        (scheduled["inspections:generate-tasks"].Cron, scheduled["inspections:generate-tasks"].TimeZoneId).ShouldBe(("0 * * * *", "Asia/Shanghai"));
        (scheduled["inspections:close-windows"].Cron, scheduled["inspections:close-windows"].TimeZoneId).ShouldBe(("*/5 * * * *", "Asia/Shanghai"));
        scheduled.Values.ShouldAllBe(j => j.Error == null && j.Job != null);
    }
}
