using DualPrevention.Core.Inspections;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using static DualPrevention.IntegrationTests.Inspections.InspectionJobs;

namespace DualPrevention.IntegrationTests.Inspections;

/// <summary>Deactivation periods (docs/domain/dual-prevention.md#56-deactivation-periods) and the window job (docs/domain/dual-prevention.md#55-completion-and-missed-windows, docs/domain/dual-prevention.md#59-window-states): open, missed, 未排查.</summary>
public class WindowClosingTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly InspectionJobs _jobs = new(database);

    [Fact]
    public async Task Windows_wholly_inside_a_deactivation_period_are_suspended_and_one_only_partly_inside_is_not()
    {
        _jobs.At(2026, 11, 2, 8);
        var (unit, measure) = await MeasureAsync(HandBuiltRegister.Check("检修单元巡检", 2, CycleUnit.Hour, new TimeOnly(8, 0), new TimeOnly(17, 0)));
        await using (var owner = database.OwnerContext(TenantScope.System))
        {
            owner.Add(DeactivationRecord.Create(
                database.Qd1, "370211", unit, new DeactivationPeriod(Local(2026, 11, 2, 9), Local(2026, 11, 2, 14), "停车检修"), database.Clock.GetUtcNow()));
            await owner.SaveChangesAsync();
        }

        await _jobs.GenerateAsync(database.Qd1);

        (await _jobs.WindowsOfAsync(measure)).Select(w => (w.WindowStart, w.Status)).ShouldBe([
            (Local(2026, 11, 2, 8), InspectionTaskStatus.Open),
            (Local(2026, 11, 2, 10), InspectionTaskStatus.Suspended),
            (Local(2026, 11, 2, 12), InspectionTaskStatus.Suspended),
            (Local(2026, 11, 2, 14), InspectionTaskStatus.Planned),
            (Local(2026, 11, 2, 16), InspectionTaskStatus.Planned),
        ]);
    }

    [Fact]
    public async Task Closing_opens_started_windows_and_marks_ended_ones_missed_with_one_system_record_and_a_rerun_adds_nothing()
    {
        _jobs.At(2026, 11, 5, 12);
        var (_, measure) = await MeasureAsync(HandBuiltRegister.Check("每日关窗检查", 1, CycleUnit.Day));
        await _jobs.GenerateAsync(database.Qd1);

        _jobs.At(2026, 11, 6, 0, 5);
        var first = await _jobs.CloseAsync();
        var second = await _jobs.CloseAsync();

        first.Opened.ShouldBeGreaterThanOrEqualTo(1);
        first.Missed.ShouldBeGreaterThanOrEqualTo(1);
        second.ShouldBe(new CloseInspectionWindows.Result(0, 0));
        var windows = await _jobs.WindowsOfAsync(measure);
        windows.Select(w => (w.WindowStart, w.Status)).ShouldBe([
            (Local(2026, 11, 5), InspectionTaskStatus.Missed),
            (Local(2026, 11, 6), InspectionTaskStatus.Open),
        ]);
        var record = (await RecordsOfAsync(windows[0].Id)).ShouldHaveSingleItem();
        record.Result.ShouldBe(InspectionResult.NotInspected);
        record.Channel.ShouldBe(RecordChannel.System);
        record.SubmissionId.ShouldBe(windows[0].Id);
        record.MeasureId.ShouldBe(measure);
        record.CheckedAt.ShouldBe(Local(2026, 11, 6));
        record.CheckedByName.ShouldBe(CloseInspectionWindows.SystemInspectorName);
        record.CheckedByUserId.ShouldBeNull();
        record.IsLate.ShouldBeFalse();
        (await RecordsOfAsync(windows[1].Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_closing_runs_at_once_mark_each_window_missed_once_with_one_record()
    {
        _jobs.At(2026, 11, 12, 12);
        var (_, measure) = await MeasureAsync(HandBuiltRegister.Check("并发关窗检查", 1, CycleUnit.Hour, new TimeOnly(8, 0), new TimeOnly(17, 0)));
        await _jobs.GenerateAsync(database.Qd1);

        _jobs.At(2026, 11, 13, 18);
        var results = await Task.WhenAll(_jobs.CloseAsync(), _jobs.CloseAsync());

        results.Min(r => r.Missed).ShouldBe(0);
        var windows = await _jobs.WindowsOfAsync(measure);
        windows.Count.ShouldBe(9);
        windows.ShouldAllBe(w => w.Status == InspectionTaskStatus.Missed);
        foreach (var window in windows)
        {
            (await RecordsOfAsync(window.Id)).ShouldHaveSingleItem().Result.ShouldBe(InspectionResult.NotInspected);
        }
    }

    [Fact]
    public async Task A_record_checked_after_the_window_ended_does_not_complete_it()
    {
        _jobs.At(2026, 11, 9, 12);
        var (_, measure) = await MeasureAsync(HandBuiltRegister.Check("迟到的检查", 1, CycleUnit.Day));
        await _jobs.GenerateAsync(database.Qd1);

        _jobs.At(2026, 11, 10, 0, 30);
        Guid lateId;
        await using (var owner = database.OwnerContext(TenantScope.System))
        {
            var window = await owner.InspectionTasks.Where(t => t.WindowStart == Local(2026, 11, 9))
                .Join(owner.InspectionTaskDefinitions.Where(d => d.MeasureId == measure), t => t.DefinitionId, d => d.Id, (t, _) => t).SingleAsync();
            var definition = await owner.InspectionTaskDefinitions.SingleAsync(d => d.MeasureId == measure);
            var late = InspectionRecord.Create(
                window, definition, new InspectionCheck(Guid.NewGuid(), InspectionResult.Normal, null, null, RecordChannel.MobileWeb, null),
                new InspectionInspector(Guid.NewGuid(), "张三"), database.Clock.GetUtcNow());
            late.IsLate.ShouldBeTrue();
            owner.Add(late);
            await owner.SaveChangesAsync();
            lateId = late.Id;
        }

        await _jobs.CloseAsync();

        var missed = (await _jobs.WindowsOfAsync(measure)).First();
        missed.Status.ShouldBe(InspectionTaskStatus.Missed);
        missed.RecordId.ShouldBeNull();
        (await RecordsOfAsync(missed.Id)).Select(r => (r.Id == lateId, r.Result)).OrderBy(r => r.Result).ShouldBe([
            (true, InspectionResult.Normal),
            (false, InspectionResult.NotInspected),
        ]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _jobs.DisposeAsync();

    private async Task<(Guid Unit, Guid Measure)> MeasureAsync(ControlMeasureDetails details)
    {
        var register = await HandBuiltRegister.ForAsync(database, database.Qd1);
        await register.AnalysisObject($"O-{details.Description}", details.Description).Unit(details.Description).Event("泄漏", "火灾", l: 3, s: 3).Measure(details).SaveAsync();
        return (register.Units[details.Description], register.Measures[details.Description]);
    }

    private async Task<List<InspectionRecord>> RecordsOfAsync(Guid windowId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.InspectionRecords.AsNoTracking().Where(r => r.TaskId == windowId).ToListAsync();
    }
}
