using System.Diagnostics;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Demo;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Escalations;
using DualPrevention.IntegrationTests.HiddenDangers;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace DualPrevention.IntegrationTests.Demo;

/// <summary>The demo database with the run command's story told on 29 November 2026, 14:30 Beijing time.</summary>
public sealed class DemoStoryDatabase : DemoDatabase
{
    public static readonly DateTimeOffset Told = BusinessTime.FromLocal(new DateTime(2026, 11, 29, 14, 30, 0));

    public SeedDemoStory.Result First { get; private set; } = null!;

    public TimeSpan Took { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.SetUtcNow(Told);
        var watch = Stopwatch.StartNew();
        First = await TellAsync(this, CancellationToken.None);
        Took = watch.Elapsed;
    }

    public static async Task<SeedDemoStory.Result> TellAsync(TestDatabase database, CancellationToken cancellationToken)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SeedDemoStory>().RunAsync(cancellationToken);
    }
}

public class DemoStoryTests(DemoStoryDatabase database, ITestOutputHelper output) : IClassFixture<DemoStoryDatabase>
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public async Task All_three_enterprises_get_the_sample_register_and_sixty_days_of_windows_up_to_now()
    {
        output.WriteLine($"story: {database.First} in {database.Took.TotalSeconds:F1} s");
        await using var db = database.OwnerContext(TenantScope.System);
        foreach (var enterprise in new[] { database.Qd1, database.Qd2, database.Wf1 })
        {
            var lists = AccountabilityTaskList.Items.Count;
            (await db.ControlMeasures.CountAsync(m => m.EnterpriseId == enterprise)).ShouldBe(32 + lists, "the sample's measures and the 包保 persons' lists");
            (await db.InspectionTaskDefinitions.CountAsync(d => d.EnterpriseId == enterprise)).ShouldBe(27 + lists, "the sample's manual measures and the lists");
            var starts = await db.InspectionTasks.Where(t => t.EnterpriseId == enterprise).Select(t => t.WindowStart).ToListAsync();
            var days = starts.Select(BusinessTime.LocalDate).Distinct().ToList();
            days.Count(d => d >= Today.AddDays(-60) && d <= Today).ShouldBe(61, "every day from 60 days ago to today has windows");
            days.Max().ShouldBe(Today.AddDays(1), "the next 24 hours are generated as the hourly job would");
        }

        database.First.Told.ShouldBeTrue();
    }

    /// <summary>ADR 0047: the tank farm's LPG graded by GB 18218-2018 at the first start, S = 40, R = 120, 一级.</summary>
    [Fact]
    public async Task Every_enterprises_major_hazard_source_is_graded_from_its_substances_at_level_1()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        foreach (var enterprise in new[] { database.Qd1, database.Qd2, database.Wf1 })
        {
            var source = await db.MajorHazardSources.SingleAsync(m => m.EnterpriseId == enterprise);
            (source.Level, source.RValue, source.Population500m).ShouldBe((MajorHazardLevel.Level1, (decimal?)120m, (int?)260));
            var calculation = await db.MajorHazardCalculations.SingleAsync(c => c.MajorHazardSourceId == source.Id);
            (calculation.SValue, calculation.RValue, calculation.Level, calculation.StandardVersion).ShouldBe((40m, (decimal?)120m, (MajorHazardLevel?)MajorHazardLevel.Level1, "GB 18218-2018"));
        }
    }

    [Fact]
    public async Task Every_enterprise_gets_a_scaled_site_plan_whose_zones_take_their_linked_units_levels()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        foreach (var enterprise in new[] { database.Qd1, database.Qd2, database.Wf1 })
        {
            var plan = await db.Set<SitePlan>().SingleAsync(p => p.EnterpriseId == enterprise);
            (plan.IsScaled, plan.MetresPerPixel, plan.ImageStorageKey is null).ShouldBe((true, 0.25, false));
            var zones = await db.Set<Zone>().Include(z => z.UnitLinks).Where(z => z.SitePlanId == plan.Id).ToListAsync();
            zones.Count.ShouldBe(4);
            zones.ShouldAllBe(z => z.UnitLinks.Count > 0, "the sample register's units are linked");
        }

        await using var driver = new Risks.Register.RegisterDriver(database);
        var qd1Plan = await db.Set<SitePlan>().Where(p => p.EnterpriseId == database.Qd1).Select(p => p.Id).SingleAsync();
        var map = await driver.RunAsync<GetFourColorRiskMap.Handler, GetFourColorRiskMap.Map>(
            Risks.Register.RegisterDriver.EnterpriseUser(database.Qd1), h => h.HandleAsync(qd1Plan, default));
        map.Zones.Count(z => z.FromRegister).ShouldBe(4, "every demo zone is coloured by the register");
    }

    [Fact]
    public async Task Every_enterprise_gets_tags_worn_by_its_employees_and_contractors_a_visitors_temporary_tag_and_two_free()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        foreach (var enterprise in new[] { database.Qd1, database.Qd2, database.Wf1 })
        {
            var people = await db.Set<Person>().Include(p => p.Certificates).Where(p => p.EnterpriseId == enterprise).ToListAsync();
            var held = await db.Set<TagBinding>().Where(b => b.EnterpriseId == enterprise && b.ReturnedAt == null).ToListAsync();
            (await db.Set<PositioningTag>().CountAsync(t => t.EnterpriseId == enterprise)).ShouldBe(22);
            (people.Count, people.Count(p => p.Type == PersonTypes.Contractor), people.Count(p => p.Type == PersonTypes.Visitor)).ShouldBe((20, 2, 1));
            held.Count.ShouldBe(20, "everyone wears a tag and two lie free");
            held.Where(b => b.ValidUntil != null).ShouldHaveSingleItem().PersonId.ShouldBe(people.Single(p => p.Type == PersonTypes.Visitor).Id);
            people.SelectMany(p => p.Certificates).ShouldContain(c => c.ExpiresOn < BusinessTime.LocalDate(database.Clock.GetUtcNow()), "one welder's certificate has expired");
        }
    }

    [Fact]
    public async Task Windows_are_completed_late_missed_and_suspended_with_records_that_agree_with_their_status()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var windows = await db.InspectionTasks.AsNoTracking().ToListAsync();
        var records = await db.InspectionRecords.AsNoTracking().ToListAsync();
        var byTask = records.ToLookup(r => r.TaskId);
        foreach (var enterprise in new[] { database.Qd1, database.Qd2, database.Wf1 })
        {
            var mine = windows.Where(w => w.EnterpriseId == enterprise).ToList();
            mine.ShouldContain(w => w.Status == InspectionTaskStatus.Completed);
            mine.ShouldContain(w => w.Status == InspectionTaskStatus.Missed && byTask[w.Id].Any(r => r.IsLate), "late");
            mine.ShouldContain(w => w.Status == InspectionTaskStatus.Missed && !byTask[w.Id].Any(r => r.IsLate), "missed");
            mine.ShouldContain(w => w.Status == InspectionTaskStatus.Open);
            mine.ShouldContain(w => w.Status == InspectionTaskStatus.Planned);
        }

        windows.Where(w => w.Status == InspectionTaskStatus.Suspended).Select(w => w.EnterpriseId).Distinct().ShouldBe([database.Qd1]);
        foreach (var window in windows.Where(w => w.Status == InspectionTaskStatus.Completed))
        {
            var record = byTask[window.Id].ShouldHaveSingleItem();
            (record.Id, record.IsLate, window.IsOnTime(record.CheckedAt), record.Result is InspectionResult.Normal or InspectionResult.HiddenDangerFound)
                .ShouldBe((window.RecordId!.Value, false, true, true));
        }

        foreach (var window in windows.Where(w => w.Status == InspectionTaskStatus.Missed))
        {
            var system = byTask[window.Id].Where(r => r.Channel == RecordChannel.System).ShouldHaveSingleItem();
            (system.Result, system.CheckedAt).ShouldBe((InspectionResult.NotInspected, window.WindowEnd));
            byTask[window.Id].Where(r => r.Channel != RecordChannel.System).ShouldAllBe(r => r.IsLate && r.CheckedAt >= window.WindowEnd);
        }

        windows.Where(w => w.Status is InspectionTaskStatus.Planned or InspectionTaskStatus.Open or InspectionTaskStatus.Suspended)
            .ShouldAllBe(w => !byTask[w.Id].Any());
        records.ShouldAllBe(r => r.CheckedAt <= DemoStoryDatabase.Told);
        var regions = await db.Enterprises.ToDictionaryAsync(e => e.Id, e => e.RegionCode);
        windows.ShouldAllBe(w => w.RegionCode == regions[w.EnterpriseId]);
        records.ShouldAllBe(r => r.RegionCode == regions[r.EnterpriseId]);
    }

    [Fact]
    public async Task Only_the_windows_wholly_inside_the_maintenance_stop_are_suspended()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var stop = await db.DeactivationRecords.SingleAsync();
        var windows = await db.InspectionTasks.Where(t => t.UnitId == stop.UnitId).ToListAsync();

        stop.EnterpriseId.ShouldBe(database.Qd1);
        windows.Where(w => w.WindowStart >= stop.StopStartAt && w.WindowEnd <= stop.StopEndAt).ShouldAllBe(w => w.Status == InspectionTaskStatus.Suspended);
        windows.Where(w => w.Status == InspectionTaskStatus.Suspended).ShouldAllBe(w => w.WindowStart >= stop.StopStartAt && w.WindowEnd <= stop.StopEndAt);
        windows.Count(w => w.Status == InspectionTaskStatus.Suspended).ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task Completion_is_realistic_and_demo_wf1_ranks_clearly_last()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var ended = await db.InspectionTasks
            .Where(t => t.WindowEnd <= DemoStoryDatabase.Told && t.Status != InspectionTaskStatus.Suspended && t.Status != InspectionTaskStatus.Cancelled)
            .GroupBy(t => t.EnterpriseId)
            .Select(g => new { g.Key, Due = g.Count(), Completed = g.Count(t => t.Status == InspectionTaskStatus.Completed) })
            .ToDictionaryAsync(g => g.Key, g => (double)g.Completed / g.Due);
        output.WriteLine($"completion qd1 {ended[database.Qd1]:P1}, qd2 {ended[database.Qd2]:P1}, wf1 {ended[database.Wf1]:P1}");

        ended[database.Qd1].ShouldBeInRange(0.88, 0.97);
        ended[database.Qd2].ShouldBeInRange(0.83, 0.93);
        ended[database.Wf1].ShouldBeInRange(0.65, 0.80);
        ended[database.Qd1].ShouldBeGreaterThan(ended[database.Qd2]);
        ended[database.Qd2].ShouldBeGreaterThan(ended[database.Wf1] + 0.08);
    }

    [Fact]
    public async Task Hidden_dangers_are_open_overdue_major_posted_and_closed_out_and_demo_qd2_holds_the_ledger()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var story = await db.HiddenDangers.Where(h => h.Origin != HiddenDangerOrigin.LedgerImport && h.Origin != HiddenDangerOrigin.Alarm).ToListAsync();
        var cases = await db.MajorHiddenDangerCases.ToDictionaryAsync(c => c.HiddenDangerId);
        int Overdue(Guid enterprise, HiddenDangerLevel level) => story.Count(h => h.EnterpriseId == enterprise && h.Level == level && h.IsOverdueOn(Today));

        (await db.HiddenDangers.CountAsync(h => h.EnterpriseId == database.Qd2 && h.Origin == HiddenDangerOrigin.LedgerImport)).ShouldBe(57);
        story.Count.ShouldBe(StoryScript.Findings.Length);
        // Each demo enterprise's converted leak alarm (DemoAlarms) is the one hidden danger outside the story.
        (await db.HiddenDangers.Where(h => h.Origin == HiddenDangerOrigin.Alarm).Select(h => h.EnterpriseId).ToListAsync())
            .ShouldBe([database.Qd1, database.Qd2, database.Wf1], ignoreOrder: true);
        (Overdue(database.Qd1, HiddenDangerLevel.General), Overdue(database.Qd2, HiddenDangerLevel.General), Overdue(database.Wf1, HiddenDangerLevel.General))
            .ShouldBe((0, 1, 4));
        (Overdue(database.Qd1, HiddenDangerLevel.Major), Overdue(database.Wf1, HiddenDangerLevel.Major)).ShouldBe((0, 1));
        var posted = story.Single(h => cases.TryGetValue(h.Id, out var c) && c.IsPosted);
        (posted.EnterpriseId, posted.Origin, posted.EnforcementId, posted.State, cases[posted.Id].PostingLevel, cases[posted.Id].PostingOrganisation)
            .ShouldBe((database.Qd1, HiddenDangerOrigin.RegulatorInspection, StoryScript.BureauInspectionId, HiddenDangerState.Rectifying, PostingLevel.City, "青岛市应急管理局"));
        var closedOut = story.Single(h => h.State == HiddenDangerState.ClosedOut);
        (closedOut.EnterpriseId, closedOut.Level, closedOut.Origin, cases[closedOut.Id].HasCompletePlan).ShouldBe(
            (database.Qd2, HiddenDangerLevel.Major, HiddenDangerOrigin.InspectionRecord, true));
        foreach (var enterprise in new[] { database.Qd1, database.Qd2, database.Wf1 })
        {
            var accepted = story.Where(h => h.EnterpriseId == enterprise && h.State == HiddenDangerState.Accepted && h.RemediationType == RemediationType.FixByDeadline).ToList();
            accepted.ShouldContain(h => BusinessTime.LocalDate(h.AcceptedAt!.Value) <= h.Deadline, "accepted on time");
            accepted.ShouldContain(h => BusinessTime.LocalDate(h.AcceptedAt!.Value) > h.Deadline, "accepted late");
            story.ShouldContain(h => h.EnterpriseId == enterprise && h.RemediationType == RemediationType.FixOnSpot && h.State == HiddenDangerState.Accepted);
        }

        var drafts = story.Where(h => h.Origin == HiddenDangerOrigin.InspectionRecord).ToList();
        var opened = await db.InspectionRecords.Where(r => r.HiddenDangerId != null).ToDictionaryAsync(r => r.HiddenDangerId!.Value);
        drafts.ShouldAllBe(h => opened[h.Id].Id == h.RecordId && opened[h.Id].Result == InspectionResult.HiddenDangerFound && opened[h.Id].CheckedAt == h.ReportedAt);
        var afterPhotos = await db.Photos.Where(p => p.Kind == Core.Photos.PhotoKind.AfterRectification).Select(p => p.HiddenDangerId).ToListAsync();
        story.Where(h => h.RectifiedAt is not null && h.RemediationType == RemediationType.FixByDeadline).ShouldAllBe(h => afterPhotos.Contains(h.Id));
        story.ShouldAllBe(h => h.UpdatedAt < DemoStoryDatabase.Told);
        (await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(MajorHiddenDangerCase) && a.EntityId == posted.Id.ToString() && a.UserName == "qingdao"))
            .ShouldBeTrue("each step is audited under the person who took it");
    }

    [Fact]
    public async Task After_the_first_escalation_each_regulator_finds_its_supervision_list_filled()
    {
        await database.EscalateAsync();

        var province = As.Region("370000", Roles.ProvinceStaff);
        var provinceList = await As.RunAsync<ListProvinceSupervision.Handler, SupervisionList.Result>(
            database, province, h => h.HandleAsync(province, new ListProvinceSupervision.Query(PageSize: 100), CancellationToken.None));
        var longOverdue = provinceList.Items.Items.Single(r => r.Name == "球罐区两台可燃气体检测器故障未修复");
        (longOverdue.EnterpriseId, longOverdue.DaysOverdue, longOverdue.StepCodes.Contains("overdue-30d-province")).ShouldBe((database.Wf1, 35, true));

        var weifang = As.Region("370700", Roles.CityReviewer);
        var cityList = await As.RunAsync<ListCitySupervision.Handler, SupervisionList.Result>(
            database, weifang, h => h.HandleAsync(weifang, new ListCitySupervision.Query(PageSize: 100), CancellationToken.None));
        cityList.Items.Items.ShouldContain(r => r.Name == "加氢反应器温度高高联锁被摘除后未恢复" && r.Level == HiddenDangerLevel.Major && r.IsOverdue);
        cityList.Items.Items.ShouldAllBe(r => r.EnterpriseId == database.Wf1);
    }

    [Fact]
    public async Task A_second_start_adds_nothing()
    {
        var before = await CountAsync(database);

        var second = await DemoStoryDatabase.TellAsync(database, CancellationToken.None);

        second.Told.ShouldBeFalse();
        (await CountAsync(database)).ShouldBe(before);
    }

    [Fact]
    public async Task A_start_stopped_half_way_leaves_no_story_and_the_next_start_tells_it_whole()
    {
        var fresh = new DemoDatabase();
        await fresh.InitializeAsync();
        try
        {
            fresh.Clock.SetUtcNow(DemoStoryDatabase.Told);
            using var stop = new CancellationTokenSource();
            var telling = DemoStoryDatabase.TellAsync(fresh, stop.Token);
            await WhileTheStoryIsUncommittedAsync(fresh);
            await stop.CancelAsync();
            await Should.ThrowAsync<OperationCanceledException>(() => telling);

            await using (var db = fresh.OwnerContext(TenantScope.System))
            {
                (await db.InspectionTasks.CountAsync(), await db.InspectionRecords.CountAsync(), await db.DeactivationRecords.CountAsync()).ShouldBe((0, 0, 0));
                (await db.HiddenDangers.CountAsync(h => h.Origin != HiddenDangerOrigin.LedgerImport)).ShouldBe(0);
            }

            var again = await DemoStoryDatabase.TellAsync(fresh, CancellationToken.None);

            again.Told.ShouldBeTrue();
            (await CountAsync(fresh)).ShouldBe(await CountAsync(database));
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    /// <summary>Waits until the story's transaction holds its advisory lock: everything written from then on is uncommitted.</summary>
    private static async Task WhileTheStoryIsUncommittedAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT EXISTS (SELECT 1 FROM pg_locks
                           WHERE locktype = 'advisory' AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                             AND classid = ((hashtextextended('demo-story', 0) >> 32) & 4294967295)::bigint::oid
                             AND objid = (hashtextextended('demo-story', 0) & 4294967295)::bigint::oid)
            """, connection);
        var waited = Stopwatch.StartNew();
        while (!(bool)(await command.ExecuteScalarAsync())!)
        {
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(2), "the story never began its transaction");
            await Task.Delay(20);
        }
    }

    private static async Task<(int Windows, int Records, int HiddenDangers, int History, int Photos, int Stops, int ImportRuns, int Measures)> CountAsync(TestDatabase database)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return (await db.InspectionTasks.CountAsync(), await db.InspectionRecords.CountAsync(), await db.HiddenDangers.CountAsync(),
            await db.HiddenDangerHistory.CountAsync(), await db.Photos.CountAsync(), await db.DeactivationRecords.CountAsync(),
            await db.ImportRuns.CountAsync(), await db.ControlMeasures.CountAsync());
    }
}
