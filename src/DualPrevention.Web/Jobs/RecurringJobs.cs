using DualPrevention.Core;
using DualPrevention.Web.Hosting;
using Hangfire;
using Microsoft.Extensions.Options;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// The one place recurring jobs are scheduled: a table of id, cron and job. Crons read as Beijing time (ADR 0003:
/// Hangfire's default zone is UTC). Only job nodes (<see cref="NodeOptions.Jobs"/>) write the schedule.
/// </summary>
internal static class RecurringJobs
{
    public static IReadOnlyList<RecurringJobEntry> Table { get; } =
    [
        // Hourly at minute 0: generation covers the next 24 hours, so an hourly run keeps a day ahead. A fresh start (or
        // a node back from downtime) should not wait for the next full hour to have today's windows.
        RecurringJobEntry.Of<GenerateInspectionTasksJob>(
            "inspections:generate-tasks", "0 * * * *", job => job.RunAsync(CancellationToken.None), runsAtStart: true),

        // Every 5 minutes: a window is shown open or missed at most 5 minutes late.
        RecurringJobEntry.Of<CloseInspectionWindowsJob>(
            "inspections:close-windows", "*/5 * * * *", job => job.RunAsync(CancellationToken.None)),

        // Every 5 minutes, one minute after the window job: dashboards lag the windows by at most 6 minutes. Nor should
        // they wait five minutes for their first figures at a start (the first run rebuilds every day's counts).
        RecurringJobEntry.Of<RefreshInspectionStatisticsJob>(
            "reports:refresh-statistics", "1-59/5 * * * *", job => job.RunAsync(CancellationToken.None), runsAtStart: true),

        // At 00:30 on the 1st: last month's windows have all ended and been counted by then.
        RecurringJobEntry.Of<ArchiveMonthlyReportsJob>(
            "reports:archive-monthly", "30 0 1 * *", job => job.RunAsync(CancellationToken.None)),

        // The escalation ladder (docs/domain/dual-prevention.md#81-the-escalation-ladder), every 5 minutes: a step fires
        // at most 5 minutes after it is due; nor do supervision lists and inboxes wait for the first tick at a start.
        RecurringJobEntry.Of<EscalateHiddenDangersJob>(
            "hidden-dangers:escalate", "*/5 * * * *", job => job.RunAsync(CancellationToken.None), runsAtStart: true),

        // Every minute: the shortest retry back-off is one minute, and a fired step reaches the inboxes within one.
        RecurringJobEntry.Of<DeliverNotificationsJob>(
            "notifications:deliver", "* * * * *", job => job.RunAsync(CancellationToken.None)),

        // Every minute, Hangfire's finest cron: the shortest handling time is two minutes (SOS, fire, person down; ADR 0037),
        // so a step is told at most a minute late. At a start, so alarms that aged while the node was down are told at once.
        RecurringJobEntry.Of<EscalateUnconfirmedAlarmsJob>(
            "alarms:escalate", "* * * * *", job => job.RunAsync(CancellationToken.None), runsAtStart: true),

        // Every minute: a permit past its validity must show as expired at once, for the work on it must stop (ADR 0045).
        // At a start, so permits that ran out while the node was down expire at once.
        RecurringJobEntry.Of<ExpireWorkPermitsJob>(
            "permits:expire", "* * * * *", job => job.RunAsync(CancellationToken.None), runsAtStart: true),

        // Hourly at minute 17 (off the busy minute 0): an unattached upload outlives its day by at most an hour.
        RecurringJobEntry.Of<DeleteExpiredPhotosJob>(
            "photos:delete-expired", "17 * * * *", job => job.RunAsync(CancellationToken.None)),

        // Daily at 03:40, a quiet hour: a snapshot is kept for days (90 by default, ADR 0046), so a day late costs nothing.
        RecurringJobEntry.Of<DeleteExpiredSnapshotsJob>(
            "video-alarms:delete-expired-snapshots", "40 3 * * *", job => job.RunAsync(CancellationToken.None)),

        // Hourly at minute 50, before generation at minute 0 turns the 包保 measures into definitions (ADR 0031): a source
        // whose units got their first event has its lists within the hour. At a start, so a release's changed list lands.
        RecurringJobEntry.Of<SyncAccountabilityTasksJob>(
            "risks:sync-accountability-tasks", "50 * * * *", job => job.RunAsync(CancellationToken.None), runsAtStart: true),

        // Daily at 23:20, days before a partition is needed (DaysAhead), and at a start, so a node started after a pause
        // has today's partition before its first fix (ADR 0038).
        RecurringJobEntry.Of<MaintainTrackPartitionsJob>(
            "positioning:maintain-track-partitions", "20 23 * * *", job => job.RunAsync(CancellationToken.None), runsAtStart: true),

        // Every minute: a tag silent for Positioning:Fences:OfflineMinutes (default 10) is told at most a minute late, and
        // a visitor's tag not returned within a minute of its binding's end (ADR 0040).
        RecurringJobEntry.Of<CheckSilentTagsJob>(
            "positioning:check-silent-tags", "* * * * *", job => job.RunAsync(CancellationToken.None)),

        // Every minute: a monitoring point silent for Monitoring:InterruptionIntervals of its intervals is told at most a
        // minute late (ADR 0050).
        RecurringJobEntry.Of<CheckInterruptedPointsJob>(
            "monitoring:check-interrupted-points", "* * * * *", job => job.RunAsync(CancellationToken.None)),

        // Daily at 23:25 and at a start: next month's reading partition exists weeks before its first reading (ADR 0050).
        RecurringJobEntry.Of<MaintainReadingPartitionsJob>(
            "monitoring:maintain-reading-partitions", "25 23 * * *", job => job.RunAsync(CancellationToken.None), runsAtStart: true),
    ];

    public static WebApplication ScheduleRecurringJobs(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<NodeOptions>>().Value.Jobs)
        {
            return app;
        }

        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        var beijing = new RecurringJobOptions { TimeZone = BusinessTime.Zone };
        foreach (var entry in Table)
        {
            jobs.AddOrUpdate(entry.Id, entry.Job, entry.Cron, beijing);
        }

        foreach (var entry in Table.Where(e => e.RunsAtStart))
        {
            jobs.Trigger(entry.Id);
        }

        return app;
    }
}
