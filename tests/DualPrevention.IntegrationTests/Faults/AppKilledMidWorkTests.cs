using System.Net;
using DualPrevention.Core;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Escalations;
using DualPrevention.Testing;
using DualPrevention.Testing.Workbooks;
using DualPrevention.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Faults;

/// <summary>
/// The app killed with SIGKILL (<c>kill -9</c>) in the middle of task generation, of escalation and of a register import,
/// each at a statement the test holds up with a lock and sees waiting: the killed transaction leaves nothing behind, and
/// after a restart the work is done once — nothing half-written, doubled or missing (docs/operations.md, fault tests).
/// </summary>
public class AppKilledMidWorkTests(PrivatePostgresCluster cluster) : IClassFixture<PrivatePostgresCluster>
{
    [Fact]
    public async Task Killed_while_generating_tasks_the_batch_leaves_nothing_and_the_next_start_makes_every_window_once()
    {
        await using var database = await FaultDatabase.CreateAsync(cluster);
        var before = await GenerationRowsAsync(database);
        var jobs = await database.LastJobIdAsync();
        long killed;
        // An uncommitted mark for demo-qd1: the batch's last statement (the mark) waits after its definitions and windows are written.
        await using (var hold = await HeldLock.TakeAsync(
                         database,
                         "INSERT INTO inspection_generation_mark (enterprise_id, region_code, ran_at, generated_until) SELECT id, region_code, now(), now() FROM enterprise WHERE id = @id",
                         ("id", database.Qd1)))
        {
            await using var app = await database.StartAppAsync();
            await hold.WaitUntilBlockingAsync("inspection_generation_mark", afterWriting: false, app, new(nameof(GenerateInspectionTasksJob), jobs));
            killed = await database.ProcessingRunAsync(nameof(GenerateInspectionTasksJob), jobs);
            var written = await hold.BlockedTransactionHasWrittenAsync("inspection_generation_mark") || await GenerationRowsAsync(database) != before;
            await app.KillAsync();
            killed.ShouldBeGreaterThan(0, "the run the kill breaks off is processing");
            written.ShouldBeTrue("the batch wrote its definitions and windows before its mark, in its transaction or committed");
        }

        (await GenerationRowsAsync(database)).ShouldBe(before, "the killed batch's definitions, windows and marks rolled back together");

        await using (var app = await database.StartAppAsync())
        {
            // The killed run itself is fetched again once its invisibility has passed, not half an hour later.
            await database.WaitForSucceededAsync(killed, app);
        }

        await ShouldHaveEveryWindowOnceAsync(database);
    }

    [Fact]
    public async Task Killed_while_escalating_nothing_is_recorded_and_the_next_start_records_each_due_step_once()
    {
        await using var database = await FaultDatabase.CreateAsync(cluster);
        var today = BusinessTime.LocalDate(TimeProvider.System.GetUtcNow());
        foreach (var enterprise in new[] { database.Qd1, database.Qd2, database.Wf1 })
        {
            // Overdue by 8 days: overdue-3d-principal was due yesterday already, overdue-7d-city is due from today.
            for (var i = 0; i < 2; i++)
            {
                await ForcedHiddenDanger.Of(enterprise).InState(HiddenDangerState.Rectifying).DueOn(today.AddDays(-8)).SaveAsync(database);
            }
        }

        database.SetLocalDay(today.AddDays(-1));
        (await database.EscalateAsync()).StepsFired.ShouldBe(6, "yesterday's run fired the 3-day step of each");
        var jobs = await database.LastJobIdAsync();
        await using (var hold = await HeldLock.TakeAsync(database, HoldOneNewDueStep, ("now", TimeProvider.System.GetUtcNow()), ("province", SeedEscalationRules.ProvinceCode)))
        {
            await using var app = await database.StartAppAsync();
            await hold.WaitUntilBlockingAsync("escalation_record", afterWriting: false, app, new(nameof(EscalateHiddenDangersJob), jobs));
            await app.KillAsync();
        }

        (await database.CountAsync("SELECT count(*) FROM escalation_record")).ShouldBe(6, "the killed run recorded nothing");

        await using (var app = await database.StartAppAsync())
        {
            await database.WaitForSucceededRunAsync(nameof(EscalateHiddenDangersJob), jobs, app);
        }

        (await database.CountAsync("SELECT count(*) - count(DISTINCT (subject, subject_id, period, step_code)) FROM escalation_record")).ShouldBe(0, "no step recorded twice");
        (await database.CountAsync("SELECT count(*) FROM escalation_record WHERE step_code = 'overdue-3d-principal'")).ShouldBe(6, "yesterday's steps are not fired again");
        var ranAt = await database.CountAsync("SELECT count(DISTINCT fired_at) FROM escalation_record WHERE step_code = 'overdue-7d-city'");
        ranAt.ShouldBe(1, "today's steps were fired by one run");
        (await database.CountAsync(DueStepsNotRecorded)).ShouldBe(0, "every step due at the run's time is recorded");
        (await database.CountAsync("SELECT count(*) FROM escalation_record")).ShouldBe(12);
    }

    [Fact]
    public async Task Killed_while_importing_a_register_nothing_of_it_is_stored_and_the_retried_import_stores_it_whole_once()
    {
        await using var database = await FaultDatabase.CreateAsync(cluster);
        (await RegisterRowsAsync(database)).ShouldBe((0, 0, 0, 0, 0), "demo-qd2 starts with an empty register");
        // Every band table locked: the import's events (which reference one) wait after its objects and units are written.
        await using (var hold = await HeldLock.TakeAsync(database, "SELECT id FROM risk_band_table FOR UPDATE"))
        {
            await using var app = await database.StartAppAsync();
            using var client = await FaultDatabase.SignedInClientAsync(app, "demo-qd2-admin");
            var import = client.PostAsync("/api/v1/risk-register/imports?commit=true", Workbook());
            await hold.WaitUntilBlockingAsync("risk_event", afterWriting: true, app);
            await app.KillAsync();
            await Should.ThrowAsync<HttpRequestException>(import);
        }

        (await RegisterRowsAsync(database)).ShouldBe((0, 0, 0, 0, 0), "no object, unit, event, measure or import run of the killed import");

        await using (var app = await database.StartAppAsync())
        {
            using var client = await FaultDatabase.SignedInClientAsync(app, "demo-qd2-admin");
            (await client.PostAsync("/api/v1/risk-register/imports?commit=true", Workbook())).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await RegisterRowsAsync(database)).ShouldBe((4, 10, 11, 32, 1), "the sample list whole: 4 objects, 10 units, 11 events, 32 measures");

            // The client cannot know whether its killed request committed and sends it once more.
            (await client.PostAsync("/api/v1/risk-register/imports?commit=true", Workbook())).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await RegisterRowsAsync(database)).ShouldBe((4, 10, 11, 32, 2), "a second commit of the same list changes nothing but records its run");
    }

    /// <summary>
    /// One step due at @now that no run has recorded yet, written uncommitted: the job's INSERT … ON CONFLICT DO NOTHING
    /// waits on its key to see whether this transaction commits.
    /// </summary>
    private static readonly string HoldOneNewDueStep = $"""
        WITH {EscalationSql.DueSteps}
        INSERT INTO escalation_record (id, enterprise_id, region_code, subject, subject_id, period, step_code, target, trigger, fired_at)
        SELECT gen_random_uuid(), d.enterprise_id, d.region_code, d.subject, d.subject_id, d.period, d.step_code, d.target, d.trigger, @now
        FROM due d
        WHERE NOT EXISTS (
          SELECT 1 FROM escalation_record r
          WHERE (r.subject, r.subject_id, r.period, r.step_code) = (d.subject, d.subject_id, d.period, d.step_code))
        LIMIT 1
        """;

    /// <summary>Steps due at the time of the latest run that it did not record.</summary>
    private static readonly string DueStepsNotRecorded = $"""
        WITH now_ AS (SELECT max(fired_at) AS at FROM escalation_record),
        {EscalationSql.DueSteps.Replace("@now", "(SELECT at FROM now_)", StringComparison.Ordinal).Replace("@province", $"'{SeedEscalationRules.ProvinceCode}'", StringComparison.Ordinal)}
        SELECT count(*) FROM due d
        WHERE NOT EXISTS (
          SELECT 1 FROM escalation_record r
          WHERE (r.subject, r.subject_id, r.period, r.step_code) = (d.subject, d.subject_id, d.period, d.step_code))
        """;

    private static MultipartFormDataContent Workbook() =>
        new() { { new ByteArrayContent(Samples.RiskControlList()), "file", "risk-control-list_sample-plant.xlsx" } };

    private static async Task<(long Definitions, long Windows, long Marks)> GenerationRowsAsync(FaultDatabase database) => (
        await database.CountAsync("SELECT count(*) FROM inspection_task_definition"),
        await database.CountAsync("SELECT count(*) FROM inspection_task"),
        await database.CountAsync("SELECT count(*) FROM inspection_generation_mark"));

    private static async Task<(long Objects, long Units, long Events, long Measures, long Runs)> RegisterRowsAsync(FaultDatabase database)
    {
        var qd2 = ("id", (object)database.Qd2);
        return (
            await database.CountAsync("SELECT count(*) FROM risk_analysis_object WHERE enterprise_id = @id", qd2),
            await database.CountAsync("SELECT count(*) FROM risk_analysis_unit WHERE enterprise_id = @id", qd2),
            await database.CountAsync("SELECT count(*) FROM risk_event WHERE enterprise_id = @id", qd2),
            await database.CountAsync("SELECT count(*) FROM control_measure WHERE enterprise_id = @id", qd2),
            await database.CountAsync("SELECT count(*) FROM import_run WHERE enterprise_id = @id", qd2));
    }

    /// <summary>
    /// Every manual measure has its definition and each window of the horizon exists once: no window twice, and a run
    /// at the app's last run's time finds nothing left to make.
    /// </summary>
    internal static async Task ShouldHaveEveryWindowOnceAsync(FaultDatabase database)
    {
        (await database.CountAsync("SELECT count(*) - count(DISTINCT (definition_id, window_start)) FROM inspection_task")).ShouldBe(0, "no window twice");
        (await database.CountAsync(
                $"SELECT count(*) FROM control_measure m WHERE m.data_source = {(int)ControlDataSource.ManualInspection} AND NOT m.is_deleted AND NOT EXISTS (SELECT 1 FROM inspection_task_definition d WHERE d.measure_id = m.id)"))
            .ShouldBe(0, "every manual measure has its definition");
        (await database.CountAsync("SELECT count(*) FROM inspection_task")).ShouldBeGreaterThan(0);

        var ranAt = await database.CountAsync("SELECT count(DISTINCT ran_at) FROM inspection_generation_mark");
        ranAt.ShouldBe(1, "one run marked every enterprise");
        await using var read = new Npgsql.NpgsqlConnection(database.AdminConnectionString);
        await read.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT max(ran_at) FROM inspection_generation_mark", read);
        database.Clock.SetUtcNow((DateTime)(await command.ExecuteScalarAsync())!);
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var again = await scope.ServiceProvider.GetRequiredService<GenerateInspectionTasks.Handler>()
            .HandleAsync(new GenerateInspectionTasks.Command(), null, CancellationToken.None);
        again.WindowsCreated.ShouldBe(0, "nothing was left to make");
    }
}
