using System.Linq.Expressions;
using Hangfire.Common;

namespace DualPrevention.Web.Jobs;

/// <summary>One row of <see cref="RecurringJobs.Table"/>.</summary>
/// <param name="Id">Stable: every start updates the same entry instead of adding one.</param>
/// <param name="Cron">Read as Beijing time (ADR 0003).</param>
/// <param name="Job">The job class and the call Hangfire makes.</param>
/// <param name="RunsAtStart">Whether a start also queues one run at once instead of waiting for the first cron tick.</param>
internal sealed record RecurringJobEntry(string Id, string Cron, Job Job, bool RunsAtStart)
{
    public static RecurringJobEntry Of<TJob>(string id, string cron, Expression<Func<TJob, Task>> call, bool runsAtStart = false) =>
        new(id, cron, Job.FromExpression(call), runsAtStart);
}
