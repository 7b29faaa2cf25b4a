using DualPrevention.Core.Accounts;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DualPrevention.IntegrationTests.Inspections.InspectionJobs;

namespace DualPrevention.IntegrationTests.Inspections;

/// <summary>
/// Retries, parallel servers, interrupted runs and register edits neither duplicate nor lose windows: the unique
/// (definition, window start), the advisory lock and one transaction per batch (ADR 0007).
/// </summary>
public class GenerationIdempotencyTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly InspectionJobs _jobs = new(database);

    [Fact]
    public async Task Running_the_job_twice_leaves_the_same_windows()
    {
        _jobs.At(2026, 11, 2, 8);
        var measure = await MeasureAsync(database.Qd1, HandBuiltRegister.Check("重跑检查", 2, CycleUnit.Hour, new TimeOnly(8, 0), new TimeOnly(17, 0)));

        await _jobs.GenerateAsync(database.Qd1);
        var first = await _jobs.WindowsOfAsync(measure);
        var again = await _jobs.GenerateAsync(database.Qd1);

        again.WindowsCreated.ShouldBe(0);
        (await _jobs.WindowsOfAsync(measure)).Select(Shape).ShouldBe(first.Select(Shape));
        first.Count.ShouldBe(5);
    }

    [Fact]
    public async Task A_window_of_the_next_24_hours_deleted_by_hand_is_made_again_by_the_next_run_and_none_is_doubled()
    {
        _jobs.At(2026, 11, 3, 8);
        var measure = await MeasureAsync(database.Qd1, HandBuiltRegister.Check("补建检查", 2, CycleUnit.Hour, new TimeOnly(8, 0), new TimeOnly(17, 0)));
        await _jobs.GenerateAsync(database.Qd1);
        var first = await _jobs.WindowsOfAsync(measure);
        var lost = first.Last();
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            await db.InspectionTasks.Where(t => t.Id == lost.Id).ExecuteDeleteAsync();
        }

        _jobs.At(2026, 11, 3, 9);
        var again = await _jobs.GenerateAsync(database.Qd1);

        var now = await _jobs.WindowsOfAsync(measure);
        now.Select(w => w.WindowStart).ShouldContain(lost.WindowStart);
        now.Where(w => w.WindowStart < first[^1].WindowEnd).Select(w => w.WindowStart).ShouldBe(first.Select(w => w.WindowStart));
        again.WindowsCreated.ShouldBe(1 + now.Count(w => w.WindowStart >= first[^1].WindowEnd));
        await EveryWindowOnceAsync();
    }

    [Fact]
    public async Task Two_runs_at_once_give_each_window_once()
    {
        _jobs.At(2027, 3, 1, 8);
        var measure = await MeasureAsync(database.Qd2, HandBuiltRegister.Check("并发检查", 1, CycleUnit.Hour, new TimeOnly(8, 0), new TimeOnly(17, 0)));

        var results = await Task.WhenAll(_jobs.GenerateAsync(), _jobs.GenerateAsync());

        var windows = await _jobs.WindowsOfAsync(measure);
        windows.Select(w => w.WindowStart).ShouldBe(Enumerable.Range(8, 9).Select(h => Local(2027, 3, 1, h)));
        results.Min(r => r.WindowsCreated).ShouldBe(0);
        await EveryWindowOnceAsync();
    }

    [Fact]
    public async Task A_run_cancelled_after_its_first_batch_keeps_that_batch_and_a_rerun_completes_the_rest_once()
    {
        _jobs.At(2027, 5, 10, 8);
        var measures = new List<Guid>();
        foreach (var enterprise in new[] { database.Qd1, database.Qd2, database.Wf1 })
        {
            measures.Add(await MeasureAsync(enterprise, HandBuiltRegister.Check($"中断检查{enterprise:N}", 1, CycleUnit.Day)));
        }

        using var cancel = new CancellationTokenSource();
        var committed = new List<GenerateInspectionTasks.Result>();
        await Should.ThrowAsync<OperationCanceledException>(() => _jobs.GenerateAsync(
            new GenerateInspectionTasks.Command(BatchSize: 1), new CancelOnReport(committed, cancel), cancel.Token));
        var afterCancel = await Task.WhenAll(measures.Select(m => _jobs.WindowsOfOrNoneAsync(m)));
        var resumed = await _jobs.GenerateAsync(new GenerateInspectionTasks.Command(BatchSize: 1), null, CancellationToken.None);

        committed.ShouldHaveSingleItem().Batches.ShouldBe(1);
        afterCancel.Count(w => w.Count > 0).ShouldBe(1);
        resumed.Batches.ShouldBe(3);
        foreach (var measure in measures)
        {
            (await _jobs.SpansOfAsync(measure)).ShouldBe([(Local(2027, 5, 10), Local(2027, 5, 11)), (Local(2027, 5, 11), Local(2027, 5, 12))]);
        }

        await EveryWindowOnceAsync();
    }

    [Fact]
    public async Task Changing_a_measures_cycle_replaces_its_windows_that_have_not_started_and_the_one_running_so_one_window_is_open()
    {
        _jobs.At(2027, 7, 5, 9);
        var measure = await MeasureAsync(database.Qd1, HandBuiltRegister.Check("改周期检查", 1, CycleUnit.Day));
        await _jobs.GenerateAsync(database.Qd1);

        _jobs.At(2027, 7, 5, 9, 30);
        await UpdateAsync(measure, HandBuiltRegister.Check("改周期检查", 4, CycleUnit.Hour, new TimeOnly(8, 0), new TimeOnly(20, 0)));
        await _jobs.GenerateAsync(database.Qd1);

        (await _jobs.WindowsOfAsync(measure)).Select(w => (w.WindowStart, w.WindowEnd, w.Status)).ShouldBe([
            (Local(2027, 7, 5, 8), Local(2027, 7, 5, 12), InspectionTaskStatus.Open),
            (Local(2027, 7, 5, 12), Local(2027, 7, 5, 16), InspectionTaskStatus.Planned),
            (Local(2027, 7, 5, 16), Local(2027, 7, 5, 20), InspectionTaskStatus.Planned),
            (Local(2027, 7, 6, 8), Local(2027, 7, 6, 12), InspectionTaskStatus.Planned),
        ]);
    }

    [Fact]
    public async Task Moving_the_work_start_of_an_hourly_check_moves_its_windows()
    {
        _jobs.At(2027, 7, 12, 7);
        var measure = await MeasureAsync(database.Qd1, HandBuiltRegister.Check("改上班时间检查", 2, CycleUnit.Hour, new TimeOnly(8, 0), new TimeOnly(17, 0)));
        await _jobs.GenerateAsync(database.Qd1);

        _jobs.At(2027, 7, 12, 7, 30);
        await UpdateAsync(measure, HandBuiltRegister.Check("改上班时间检查", 2, CycleUnit.Hour, new TimeOnly(9, 0), new TimeOnly(17, 0)));
        await _jobs.GenerateAsync(database.Qd1);

        (await _jobs.SpansOfAsync(measure)).ShouldBe([
            (Local(2027, 7, 12, 9), Local(2027, 7, 12, 11)),
            (Local(2027, 7, 12, 11), Local(2027, 7, 12, 13)),
            (Local(2027, 7, 12, 13), Local(2027, 7, 12, 15)),
            (Local(2027, 7, 12, 15), Local(2027, 7, 12, 17)),
        ]);
    }

    [Fact]
    public async Task A_new_cycle_also_replaces_suspended_windows_that_have_not_started()
    {
        _jobs.At(2027, 8, 2, 7);
        var register = await HandBuiltRegister.ForAsync(database, database.Qd1);
        var details = HandBuiltRegister.Check("检修期改周期", 2, CycleUnit.Hour, new TimeOnly(8, 0), new TimeOnly(17, 0));
        await register.AnalysisObject("O-检修期改周期", "检修期改周期").Unit("检修期改周期").Event("泄漏", "火灾", l: 3, s: 3).Measure(details).SaveAsync();
        var measure = register.Measures[details.Description];
        await using (var owner = database.OwnerContext(TenantScope.System))
        {
            owner.Add(DeactivationRecord.Create(
                database.Qd1, "370211", register.Units["检修期改周期"], new DeactivationPeriod(Local(2027, 8, 2, 10), Local(2027, 8, 2, 14), "检修"), database.Clock.GetUtcNow()));
            await owner.SaveChangesAsync();
        }

        await _jobs.GenerateAsync(database.Qd1);
        _jobs.At(2027, 8, 2, 7, 30);
        await UpdateAsync(measure, details with { CycleValue = 4 });
        await _jobs.GenerateAsync(database.Qd1);

        (await _jobs.WindowsOfAsync(measure)).Select(w => (w.WindowStart, w.WindowEnd, w.Status)).ShouldBe([
            (Local(2027, 8, 2, 8), Local(2027, 8, 2, 12), InspectionTaskStatus.Planned),
            (Local(2027, 8, 2, 12), Local(2027, 8, 2, 16), InspectionTaskStatus.Planned),
            (Local(2027, 8, 2, 16), Local(2027, 8, 2, 20), InspectionTaskStatus.Planned),
        ]);
    }

    [Fact]
    public async Task Deleting_a_measure_retires_its_definition_drops_planned_windows_and_cancels_open_ones()
    {
        _jobs.At(2027, 9, 6, 9);
        var measure = await MeasureAsync(database.Qd1, HandBuiltRegister.Check("删除的检查", 1, CycleUnit.Day));
        await _jobs.GenerateAsync(database.Qd1);

        _jobs.At(2027, 9, 6, 10);
        await using (var services = database.CreateServices())
        {
            await using var scope = services.CreateAsyncScope();
            var actor = new Actor(TenantScope.ForEnterprise(database.Qd1, Guid.NewGuid(), "tester"), new HashSet<string> { Roles.EnterpriseAdmin });
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
            await scope.ServiceProvider.GetRequiredService<DeleteControlMeasure.Handler>().HandleAsync(actor, new(measure), CancellationToken.None);
        }

        await _jobs.GenerateAsync(database.Qd1);

        (await _jobs.WindowsOfAsync(measure)).Select(w => (w.WindowStart, w.Status)).ShouldBe([(Local(2027, 9, 6), InspectionTaskStatus.Cancelled)]);
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.InspectionTaskDefinitions.IgnoreQueryFilters().SingleAsync(d => d.MeasureId == measure)).IsDeleted.ShouldBeTrue();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _jobs.DisposeAsync();

    private static (DateTimeOffset, DateTimeOffset, InspectionTaskStatus, Guid) Shape(InspectionTask w) => (w.WindowStart, w.WindowEnd, w.Status, w.Id);

    private async Task<Guid> MeasureAsync(Guid enterpriseId, ControlMeasureDetails details)
    {
        var register = await HandBuiltRegister.ForAsync(database, enterpriseId);
        await register.AnalysisObject($"O-{details.Description}", details.Description).Unit(details.Description).Event("泄漏", "火灾", l: 3, s: 3).Measure(details).SaveAsync();
        return register.Measures[details.Description];
    }

    private async Task UpdateAsync(Guid measureId, ControlMeasureDetails details)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        var actor = new Actor(TenantScope.ForEnterprise(database.Qd1, Guid.NewGuid(), "tester"), new HashSet<string> { Roles.EnterpriseAdmin });
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        await scope.ServiceProvider.GetRequiredService<UpdateControlMeasure.Handler>().HandleAsync(actor, new(measureId, details), CancellationToken.None);
    }

    private async Task EveryWindowOnceAsync()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.InspectionTasks.GroupBy(t => new { t.DefinitionId, t.WindowStart }).CountAsync(g => g.Count() > 1)).ShouldBe(0);
    }

    /// <summary>Cancels the run when told of its first committed batch, synchronously (Progress&lt;T&gt; would post it later).</summary>
    private sealed class CancelOnReport(List<GenerateInspectionTasks.Result> committed, CancellationTokenSource cancel) : IProgress<GenerateInspectionTasks.Result>
    {
        public void Report(GenerateInspectionTasks.Result value)
        {
            committed.Add(value);
            cancel.Cancel();
        }
    }
}
