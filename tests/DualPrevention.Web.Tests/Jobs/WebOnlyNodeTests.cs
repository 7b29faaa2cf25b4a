using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.Jobs;

/// <summary>A database of its own, so no jobs node of another test has written a schedule into it.</summary>
public class WebOnlyNodeTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public void A_web_only_node_schedules_no_recurring_jobs()
    {
        using var storage = web.Factory.Services.GetRequiredService<JobStorage>().GetConnection();

        storage.GetRecurringJobs().ShouldBeEmpty();
    }
}
