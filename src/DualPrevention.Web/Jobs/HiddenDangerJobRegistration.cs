using DualPrevention.Core;
using Hangfire;

namespace DualPrevention.Web.Jobs;

/// <summary>Schedules the escalation and delivery jobs under stable ids, on Beijing time (ADR 0003).</summary>
internal static class HiddenDangerJobRegistration
{
    public const string EscalateJobId = "hidden-dangers:escalate";

    public const string DeliverJobId = "notifications:deliver";

    public static void RegisterHiddenDangerJobs(this IRecurringJobManager jobs)
    {
        var options = new RecurringJobOptions { TimeZone = BusinessTime.Zone };
        jobs.AddOrUpdate<EscalateHiddenDangersJob>(EscalateJobId, job => job.RunAsync(CancellationToken.None), "*/5 * * * *", options);
        jobs.AddOrUpdate<DeliverNotificationsJob>(DeliverJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
    }
}
