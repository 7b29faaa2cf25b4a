using DualPrevention.Core;
using DualPrevention.Web.Hosting;
using Hangfire;
using Microsoft.Extensions.Options;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// The one place recurring jobs are scheduled. Crons read as Beijing time (ADR 0003: Hangfire's default zone is
/// UTC). Only job nodes (<see cref="NodeOptions.Jobs"/>) write the schedule; ids are stable, so every start
/// updates the same entries instead of adding new ones; each start also runs the generation and the statistics once.
/// </summary>
internal static class RecurringJobs
{
    /// <summary>At minute 0 of every hour: generation covers the next 24 hours, so an hourly run keeps a day ahead.</summary>
    public const string GenerateInspectionTasksCron = "0 * * * *";

    /// <summary>Every 5 minutes: a window is shown open or missed at most 5 minutes late.</summary>
    public const string CloseInspectionWindowsCron = "*/5 * * * *";

    /// <summary>Escalation ladder (docs/domain/dual-prevention.md#81-the-escalation-ladder).</summary>
    public const string EscalateHiddenDangersJobId = "hidden-dangers:escalate";

    /// <summary>Every 5 minutes: a ladder step fires at most 5 minutes after it is due.</summary>
    public const string EscalateHiddenDangersCron = "*/5 * * * *";

    /// <summary>The escalation outbox's fan-out into inboxes and deliveries, then outbound deliveries and their retries.</summary>
    public const string DeliverNotificationsJobId = "notifications:deliver";

    /// <summary>Every minute: the shortest retry back-off is one minute, and a fired step reaches the inboxes within one.</summary>
    public const string DeliverNotificationsCron = "* * * * *";

    /// <summary>Every 5 minutes, one minute after the window job: dashboards lag the windows by at most 6 minutes.</summary>
    public const string RefreshInspectionStatisticsCron = "1-59/5 * * * *";

    /// <summary>At 00:30 on the 1st: last month's windows have all ended and been counted by then.</summary>
    public const string ArchiveMonthlyReportsCron = "30 0 1 * *";

    public static WebApplication ScheduleRecurringJobs(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<NodeOptions>>().Value.Jobs)
        {
            return app;
        }

        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        var beijing = new RecurringJobOptions { TimeZone = BusinessTime.Zone };
        jobs.AddOrUpdate<GenerateInspectionTasksJob>(
            GenerateInspectionTasksJob.Id, job => job.RunAsync(CancellationToken.None), GenerateInspectionTasksCron, beijing);
        jobs.AddOrUpdate<CloseInspectionWindowsJob>(
            CloseInspectionWindowsJob.Id, job => job.RunAsync(CancellationToken.None), CloseInspectionWindowsCron, beijing);
        jobs.AddOrUpdate<RefreshInspectionStatisticsJob>(
            RefreshInspectionStatisticsJob.Id, job => job.RunAsync(CancellationToken.None), RefreshInspectionStatisticsCron, beijing);
        jobs.AddOrUpdate<ArchiveMonthlyReportsJob>(
            ArchiveMonthlyReportsJob.Id, job => job.RunAsync(CancellationToken.None), ArchiveMonthlyReportsCron, beijing);

        jobs.AddOrUpdate<EscalateHiddenDangersJob>(
            EscalateHiddenDangersJobId, job => job.RunAsync(CancellationToken.None), EscalateHiddenDangersCron, beijing);
        jobs.AddOrUpdate<DeliverNotificationsJob>(
            DeliverNotificationsJobId, job => job.RunAsync(CancellationToken.None), DeliverNotificationsCron, beijing);

        // A fresh start (or a node back from downtime) should not wait for the next full hour to have today's windows.
        jobs.Trigger(GenerateInspectionTasksJob.Id);

        // Nor should dashboards wait five minutes for their first figures (the first run rebuilds every day's counts).
        jobs.Trigger(RefreshInspectionStatisticsJob.Id);

        // Nor supervision lists and inboxes for the next five-minute mark (the fan-out follows within the minute).
        jobs.Trigger(EscalateHiddenDangersJobId);
        return app;
    }
}
