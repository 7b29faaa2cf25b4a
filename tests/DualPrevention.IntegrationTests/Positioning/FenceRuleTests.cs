using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// The fence rules (ADR 0040, docs/domain/positioning.md#3-alarm-types) on the fix path into PostgreSQL with PostGIS:
/// fixes go through <see cref="AcceptFixes"/> (stored, then judged by <see cref="FenceRules"/>) and the alarms are read
/// back from the alarm table. Each rule fires once per episode, not on a fix jittering across an edge or arriving late,
/// and fires again once the episode has ended. Each test draws its zones on a square of the plan of its own, far from
/// the others' (the debounce is the default 30 s; fixes come every 5 s).
/// </summary>
public class FenceRuleTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly GeometryFactory Metres = new(new PrecisionModel(), 0);
    private static int _areas;

    [Fact]
    public async Task A_visitor_in_a_red_zone_raises_unauthorised_entry_once_per_stay_not_on_edge_jitter_and_again_after_leaving()
    {
        await using var world = await WorldAsync(database.Qd1);
        var zone = await world.ZoneAsync("访客禁入红区", 0, 0, 20, allowed: PersonTypes.Employee);
        var visitor = await world.TagAsync(PersonTypes.Visitor, "访客甲");
        var t = world.Start;

        // Outside, one fix jumping inside across the edge, outside again for longer than the debounce: noise, not an entry.
        await world.SendAsync(visitor, t, (-1, 5), (0.5, 5), (-1, 5), (-1, 5), (-1, 5), (-1, 5), (-1, 5), (-1, 5), (-1, 5), (-1, 5));
        (await world.AlarmsAsync(AlarmCategories.UnauthorizedEntry, visitor)).ShouldBeEmpty();

        // Inside for 60 s, with two fixes out across the edge in the middle: one stay, one alarm.
        t = t.AddSeconds(60);
        await world.SendAsync(visitor, t, (5, 5), (6, 5), (7, 5), (8, 5), (-0.5, 5), (-0.5, 5), (8, 5), (9, 5), (9, 6), (9, 7), (9, 8), (9, 9));
        var first = await world.AlarmsAsync(AlarmCategories.UnauthorizedEntry, visitor);
        first.ShouldHaveSingleItem();
        (first[0].ZoneId, first[0].PersonId, first[0].Severity, first[0].Status).ShouldBe((zone, visitor.PersonId, AlarmSeverity.Major, AlarmStatus.New));
        first[0].Summary.ShouldContain("访客甲");

        // Out for a minute: the stay ends. Back in: a new episode, raised again (the alarm centre merges it into the open one).
        t = t.AddSeconds(60);
        await world.SendAsync(visitor, t, Enumerable.Repeat((-10.0, 5.0), 12).ToArray());
        await world.SendAsync(visitor, t.AddSeconds(60), Enumerable.Repeat((10.0, 10.0), 12).ToArray());
        (await world.AlarmsAsync(AlarmCategories.UnauthorizedEntry, visitor)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_employee_outside_the_zones_hours_is_unauthorised_and_inside_them_is_not()
    {
        await using var world = await WorldAsync(database.Qd1);
        // The test clock starts at 08:00 Beijing time.
        var dayShift = await world.ZoneAsync("日班区", 0, 0, 20, allowed: PersonTypes.Employee, from: new TimeOnly(9, 0), until: new TimeOnly(17, 0));
        var nightShift = await world.ZoneAsync("夜班区", 100, 0, 20, allowed: PersonTypes.Employee, from: new TimeOnly(20, 0), until: new TimeOnly(9, 0));
        var early = await world.TagAsync(PersonTypes.Employee, "早到员工");
        var night = await world.TagAsync(PersonTypes.Employee, "夜班员工");

        await world.SendAsync(early, world.Start, Enumerable.Repeat((5.0, 5.0), 10).ToArray());
        await world.SendAsync(night, world.Start, Enumerable.Repeat((105.0, 5.0), 10).ToArray());

        (await world.AlarmsAsync(AlarmCategories.UnauthorizedEntry, early)).ShouldHaveSingleItem().ZoneId.ShouldBe(dayShift);
        (await world.AlarmsAsync(AlarmCategories.UnauthorizedEntry, night)).ShouldBeEmpty($"08:00 lies within 20:00–09:00 of zone {nightShift}");
    }

    [Fact]
    public async Task Sos_and_fall_are_raised_in_the_same_batch_once_per_press_and_a_late_fix_does_not_end_them()
    {
        await using var world = await WorldAsync(database.Qd1);
        await world.ZoneAsync("巡检区", 0, 0, 50);
        var worker = await world.TagAsync(PersonTypes.Employee, "巡检员");
        var t = world.Start;

        await world.SendAsync(worker, [Fix(worker, t, 5, 5), Fix(worker, t.AddSeconds(1), 5, 5, sos: true)]);
        var sos = (await world.AlarmsAsync(AlarmCategories.Sos, worker)).ShouldHaveSingleItem();
        (sos.Severity, sos.PersonId).ShouldBe((AlarmSeverity.Critical, worker.PersonId));

        // Held: one press. A late fix without the flag is noise. Released, pressed again: a second press.
        await world.SendAsync(worker, [Fix(worker, t.AddSeconds(2), 5, 5, sos: true), Fix(worker, t.AddSeconds(3), 5, 5, sos: true)]);
        await world.SendAsync(worker, [Fix(worker, t.AddSeconds(1.5), 5, 5)]);
        await world.SendAsync(worker, [Fix(worker, t.AddSeconds(3.5), 5, 5, sos: true)]);
        (await world.AlarmsAsync(AlarmCategories.Sos, worker)).Count.ShouldBe(1);
        await world.SendAsync(worker, [Fix(worker, t.AddSeconds(4), 5, 5), Fix(worker, t.AddSeconds(5), 5, 5, sos: true)]);
        (await world.AlarmsAsync(AlarmCategories.Sos, worker)).Count.ShouldBe(2);

        await world.SendAsync(worker, [Fix(worker, t.AddSeconds(6), 5, 5, fall: true), Fix(worker, t.AddSeconds(7), 5, 5, fall: true)]);
        (await world.AlarmsAsync(AlarmCategories.Fall, worker)).ShouldHaveSingleItem().Severity.ShouldBe(AlarmSeverity.Critical);
    }

    [Fact]
    public async Task Over_capacity_and_under_staffed_are_raised_after_the_hold_once_and_again_after_the_count_recovered()
    {
        await using var world = await WorldAsync(database.Qd1);
        var tank = await world.ZoneAsync("限员罐区", 0, 0, 20, max: 2);
        var control = await world.ZoneAsync("控制室", 100, 0, 20, min: 2);
        var tags = new List<Tagged>();
        for (var i = 0; i < 3; i++)
        {
            tags.Add(await world.TagAsync(PersonTypes.Employee, $"作业人员{i}"));
        }

        var t = world.Start;
        // Three inside for 60 s (counted after 30 s, over for the hold after that): one alarm, kept while they stay.
        await world.SendStepsAsync(t, 13, [.. tags.Select(tag => (tag, (5.0, 5.0)))]);
        (await world.ZoneAlarmsAsync(AlarmCategories.OverCapacity, tank)).ShouldHaveSingleItem().Summary.ShouldContain("3 > 2");
        await world.SendStepsAsync(t.AddSeconds(65), 6, [.. tags.Select(tag => (tag, (5.0, 5.0)))]);
        (await world.ZoneAlarmsAsync(AlarmCategories.OverCapacity, tank)).Count.ShouldBe(1);

        // One walks to the control room: two left in the tank (the episode ends), one in the control room (under-staffed).
        await world.SendStepsAsync(t.AddSeconds(95), 20, [(tags[0], (5.0, 5.0)), (tags[1], (5.0, 5.0)), (tags[2], (105.0, 5.0))]);
        (await world.ZoneAlarmsAsync(AlarmCategories.OverCapacity, tank)).Count.ShouldBe(1);
        (await world.ZoneAlarmsAsync(AlarmCategories.UnderStaffed, control)).ShouldHaveSingleItem().Summary.ShouldContain("1 < 2");

        // The third comes back into the tank: over capacity again, a new episode; the control room stays one episode.
        await world.SendStepsAsync(t.AddSeconds(195), 20, [.. tags.Select(tag => (tag, (5.0, 5.0)))]);
        (await world.ZoneAlarmsAsync(AlarmCategories.OverCapacity, tank)).Count.ShouldBe(2);
        (await world.ZoneAlarmsAsync(AlarmCategories.UnderStaffed, control)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Standing_still_within_the_jitter_radius_raises_static_once_and_moving_starts_a_new_stillness()
    {
        await using var world = await WorldAsync(database.Qd1);
        var zone = await world.ZoneAsync("静止监测区", 0, 0, 50, staticSeconds: 60);
        var still = await world.TagAsync(PersonTypes.Employee, "静止人员");
        var walker = await world.TagAsync(PersonTypes.Employee, "走动人员");
        var t = world.Start;

        // 100 s wandering within a metre: one stillness. The walker moves 2.5 m every 5 s: none.
        var jitter = Enumerable.Range(0, 21).Select(i => (10 + (0.8 * (i % 2)), 10 - (0.6 * (i % 3)))).ToArray();
        await world.SendAsync(still, t, jitter);
        await world.SendAsync(walker, t, Enumerable.Range(0, 21).Select(i => (5 + (2.5 * (i % 16)), 20.0)).ToArray());
        var alarm = (await world.AlarmsAsync(AlarmCategories.Static, still)).ShouldHaveSingleItem();
        alarm.ZoneId.ShouldBe(zone);
        (await world.AlarmsAsync(AlarmCategories.Static, walker)).ShouldBeEmpty();

        // Steps 10 m away and stands still again for 70 s: a second stillness.
        await world.SendAsync(still, t.AddSeconds(105), Enumerable.Repeat((20.0, 10.0), 15).ToArray());
        (await world.AlarmsAsync(AlarmCategories.Static, still)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Overstay_is_raised_once_per_continuous_stay()
    {
        await using var world = await WorldAsync(database.Qd1);
        await world.ZoneAsync("受限空间", 0, 0, 50, overstaySeconds: 120);
        var worker = await world.TagAsync(PersonTypes.Contractor, "受限空间作业人员");
        var t = world.Start;

        await world.SendAsync(worker, t, Enumerable.Range(0, 20).Select(i => (5.0 + (3 * (i % 10)), 5.0)).ToArray());
        (await world.AlarmsAsync(AlarmCategories.Overstay, worker)).ShouldBeEmpty("95 s is within 120 s");
        await world.SendAsync(worker, t.AddSeconds(100), Enumerable.Range(0, 20).Select(i => (5.0 + (3 * (i % 10)), 5.0)).ToArray());
        (await world.AlarmsAsync(AlarmCategories.Overstay, worker)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Low_battery_is_raised_once_while_the_level_wavers_at_the_threshold()
    {
        await using var world = await WorldAsync(database.Qd1);
        var tag = await world.TagAsync(PersonTypes.Employee, "电量人员");
        var t = world.Start;
        int[] levels = [40, 19, 21, 18, 22, 19, 30, 15];

        await world.SendAsync(tag, [.. levels.Select((level, i) => Fix(tag, t.AddSeconds(i * 5), 1, 1) with { Battery = level })]);

        (await world.AlarmsAsync(AlarmCategories.LowBattery, tag)).Count.ShouldBe(2, "19 starts, 30 ends (above 20 + 5), 15 starts again");
    }

    [Fact]
    public async Task A_fix_of_one_enterprise_is_never_judged_against_another_enterprises_zones()
    {
        await using var own = await WorldAsync(database.Qd1);
        await using var other = await WorldAsync(database.Qd2, own.Area);
        var ownZone = await own.ZoneAsync("本企业红区", 0, 0, 20, allowed: PersonTypes.Employee);
        var otherZone = await other.ZoneAsync("他企业红区", 0, 0, 20, allowed: PersonTypes.Employee);
        var visitor = await own.TagAsync(PersonTypes.Visitor, "跨企业访客");

        await own.SendAsync(visitor, own.Start, Enumerable.Repeat((5.0, 5.0), 10).ToArray());

        (await own.AlarmsAsync(AlarmCategories.UnauthorizedEntry, visitor)).ShouldHaveSingleItem().ZoneId.ShouldBe(ownZone);
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.Set<Alarm>().CountAsync(a => a.ZoneId == otherZone || (a.EnterpriseId == database.Qd2 && a.DeviceId == visitor.TagId))).ShouldBe(0);
    }

    [Fact]
    public async Task After_a_restart_an_episode_whose_alarm_is_open_is_not_raised_again()
    {
        await using var world = await WorldAsync(database.Qd1);
        await world.ZoneAsync("重启红区", 0, 0, 20, allowed: PersonTypes.Employee);
        var visitor = await world.TagAsync(PersonTypes.Visitor, "重启访客");
        await world.SendAsync(visitor, world.Start, Enumerable.Repeat((5.0, 5.0), 10).ToArray());

        await world.RestartAsync();
        await world.SendAsync(visitor, world.Start.AddSeconds(50), Enumerable.Repeat((5.0, 5.0), 10).ToArray());

        (await world.AlarmsAsync(AlarmCategories.UnauthorizedEntry, visitor)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_tag_silent_inside_a_zone_and_a_visitor_tag_past_its_binding_are_raised_once_by_the_job()
    {
        await using var world = await WorldAsync(database.Qd1);
        var zone = await world.ZoneAsync("信号区", 0, 0, 20);
        var silent = await world.TagAsync(PersonTypes.Employee, "失联人员");
        var outside = await world.TagAsync(PersonTypes.Employee, "区外人员");
        var visitor = await world.TagAsync(PersonTypes.Visitor, "逾期访客", validFor: TimeSpan.FromMinutes(30));
        await world.SendAsync(silent, world.Start.AddMinutes(-20), (5, 5));
        await world.SendAsync(outside, world.Start.AddMinutes(-20), (-50, -50));

        await world.CheckSilentTagsAsync(world.Start);
        await world.CheckSilentTagsAsync(world.Start.AddMinutes(40));
        await world.CheckSilentTagsAsync(world.Start.AddMinutes(41));

        (await world.AlarmsAsync(AlarmCategories.TagOffline, silent)).ShouldHaveSingleItem().ZoneId.ShouldBe(zone);
        (await world.AlarmsAsync(AlarmCategories.TagOffline, outside)).ShouldBeEmpty("its last position was in no zone");
        (await world.AlarmsAsync(AlarmCategories.TagNotReturned, visitor)).ShouldHaveSingleItem().PersonId.ShouldBe(visitor.PersonId);

        // Heard again, silent again: a new silence.
        await world.SendAsync(silent, world.Start.AddMinutes(42), (5, 5));
        await world.CheckSilentTagsAsync(world.Start.AddMinutes(60));
        (await world.AlarmsAsync(AlarmCategories.TagOffline, silent)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_visitor_on_the_zones_whitelist_is_admitted_and_one_not_on_it_is_not()
    {
        await using var world = await WorldAsync(database.Qd1);
        var zone = await world.ZoneAsync("审批红区", 0, 0, 20, allowed: PersonTypes.Employee);
        var approved = await world.TagAsync(PersonTypes.Visitor, "已审批访客");
        var stranger = await world.TagAsync(PersonTypes.Visitor, "未审批访客");
        await world.PeopleAsync(zone, whitelisted: [approved.PersonId]);

        await world.SendStepsAsync(world.Start, 10, [(approved, (5.0, 5.0)), (stranger, (6.0, 6.0))]);

        (await world.AlarmsAsync(AlarmCategories.UnauthorizedEntry, approved)).ShouldBeEmpty();
        (await world.AlarmsAsync(AlarmCategories.UnauthorizedEntry, stranger)).ShouldHaveSingleItem().ZoneId.ShouldBe(zone);
    }

    [Fact]
    public async Task A_person_required_in_a_zone_seen_outside_it_for_the_limit_raises_left_zone_once_per_absence()
    {
        await using var world = await WorldAsync(database.Qd1);
        var control = await world.ZoneAsync("中控室", 0, 0, 20);
        var operatorTag = await world.TagAsync(PersonTypes.Employee, "中控操作员");
        var visitorTag = await world.TagAsync(PersonTypes.Employee, "路过人员");
        await world.PeopleAsync(control, required: [operatorTag.PersonId]);
        var t = world.Start;

        // At the post for a minute, then out for 9 minutes (within the default 10), back: no alarm.
        await world.SendAsync(operatorTag, t, Enumerable.Repeat((5.0, 5.0), 12).ToArray());
        await world.SendAsync(operatorTag, t.AddSeconds(60), Enumerable.Range(0, 108).Select(_ => (50.0, 5.0)).ToArray());
        await world.SendAsync(operatorTag, t.AddSeconds(600), Enumerable.Repeat((5.0, 5.0), 12).ToArray());
        (await world.AlarmsAsync(AlarmCategories.LeftZone, operatorTag)).ShouldBeEmpty("9 min is within 10");

        // Out for 12 minutes: one alarm, however many fixes; someone not required is never judged.
        await world.SendAsync(operatorTag, t.AddSeconds(700), Enumerable.Range(0, 144).Select(_ => (50.0, 5.0)).ToArray());
        await world.SendAsync(visitorTag, t.AddSeconds(700), Enumerable.Range(0, 144).Select(_ => (50.0, 5.0)).ToArray());
        var left = (await world.AlarmsAsync(AlarmCategories.LeftZone, operatorTag)).ShouldHaveSingleItem();
        (left.ZoneId, left.PersonId).ShouldBe((control, operatorTag.PersonId));
        (await world.AlarmsAsync(AlarmCategories.LeftZone, visitorTag)).ShouldBeEmpty();

        // Back at the post, then away again for 11 minutes: a second absence.
        await world.SendAsync(operatorTag, t.AddSeconds(1500), Enumerable.Repeat((5.0, 5.0), 12).ToArray());
        await world.SendAsync(operatorTag, t.AddSeconds(1560), Enumerable.Range(0, 132).Select(_ => (50.0, 5.0)).ToArray());
        (await world.AlarmsAsync(AlarmCategories.LeftZone, operatorTag)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Five_people_close_together_in_a_red_zone_gather_once_and_the_same_in_a_blue_zone_or_spread_out_do_not()
    {
        await using var world = await WorldAsync(database.Qd1);
        var red = await world.ZoneAsync("聚集红区", 0, 0, 50);
        var blue = await world.ZoneAsync("聚集蓝区", 100, 0, 50, color: RiskColor.Blue);
        var spread = await world.ZoneAsync("分散红区", 200, 0, 50);
        var tags = new List<Tagged>();
        for (var i = 0; i < 15; i++)
        {
            tags.Add(await world.TagAsync(PersonTypes.Employee, $"聚集人员{i}"));
        }

        var placements = tags.Select((tag, i) => (tag, i switch
        {
            < 5 => (10.0 + i, 10.0),
            < 10 => (110.0 + i - 5, 10.0),
            _ => (205.0 + (9 * (i - 10)), 10.0),
        })).ToList();
        await world.SendStepsAsync(world.Start, 16, placements);
        await world.SendStepsAsync(world.Start.AddSeconds(80), 6, placements);

        var gathering = (await world.ZoneAlarmsAsync(AlarmCategories.Gathering, red)).ShouldHaveSingleItem();
        gathering.Summary.ShouldContain("聚集红区");
        (await world.ZoneAlarmsAsync(AlarmCategories.Gathering, blue)).ShouldBeEmpty("a blue zone is not hazardous");
        (await world.ZoneAlarmsAsync(AlarmCategories.Gathering, spread)).ShouldBeEmpty("9 m apart is farther than 5 m");
    }

    [Fact]
    public async Task A_visitor_whose_escort_is_away_or_unnamed_raises_escort_missing_and_one_kept_near_does_not()
    {
        await using var world = await WorldAsync(database.Qd1);
        var plant = await world.ZoneAsync("生产区", 0, 0, 100, requiresEscort: true);
        var escort = await world.TagAsync(PersonTypes.Employee, "陪同员工");
        var kept = await world.TagAsync(PersonTypes.Visitor, "有陪同访客", escort: escort.PersonId);
        var left = await world.TagAsync(PersonTypes.Visitor, "陪同离开访客", escort: escort.PersonId);
        var alone = await world.TagAsync(PersonTypes.Visitor, "无陪同访客");

        // The escort walks with the first visitor; the second stays 60 m away from them; the third has none.
        await world.SendStepsAsync(world.Start, 14, [(escort, (10.0, 10.0)), (kept, (12.0, 10.0)), (left, (70.0, 10.0)), (alone, (50.0, 50.0))]);

        (await world.AlarmsAsync(AlarmCategories.EscortMissing, kept)).ShouldBeEmpty();
        (await world.AlarmsAsync(AlarmCategories.EscortMissing, left)).ShouldHaveSingleItem().ZoneId.ShouldBe(plant);
        (await world.AlarmsAsync(AlarmCategories.EscortMissing, alone)).ShouldHaveSingleItem().PersonId.ShouldBe(alone.PersonId);
        (await world.AlarmsAsync(AlarmCategories.EscortMissing, escort)).ShouldBeEmpty("an employee needs no escort");
    }

    [Fact]
    public async Task A_zones_lists_hold_only_the_enterprises_people_and_an_escort_must_be_another_employee()
    {
        await using var world = await WorldAsync(database.Qd1);
        await using var other = await WorldAsync(database.Qd2, world.Area);
        var zone = await world.ZoneAsync("名单区", 0, 0, 20);
        var own = await world.TagAsync(PersonTypes.Employee, "本企业员工");
        var visitor = await world.TagAsync(PersonTypes.Visitor, "名单访客");
        var foreign = await other.TagAsync(PersonTypes.Employee, "他企业员工");

        await Should.ThrowAsync<NotFoundException>(() => world.PeopleAsync(zone, whitelisted: [own.PersonId, foreign.PersonId]));
        await world.PeopleAsync(zone, whitelisted: [visitor.PersonId], required: [own.PersonId, own.PersonId]);
        var lists = await world.ReadPeopleAsync(zone);
        lists.Whitelisted.ShouldHaveSingleItem().Name.ShouldBe("名单访客");
        lists.Required.ShouldHaveSingleItem().Id.ShouldBe(own.PersonId);
        await Should.ThrowAsync<NotFoundException>(() => other.ReadPeopleAsync(zone));

        await Should.ThrowAsync<DomainRuleException>(() => world.TagAsync(PersonTypes.Visitor, "访客陪访客", escort: visitor.PersonId));
        await Should.ThrowAsync<NotFoundException>(() => world.BindAsync(PersonTypes.Visitor, "外企陪同访客", foreign.PersonId));
    }

    private static ReceivedFix Fix(Tagged tag, DateTimeOffset at, double x, double y, bool sos = false, bool fall = false) =>
        new(0, tag.Serial, at, x, y, null, null, null, 1, null, sos, fall);

    private async Task<World> WorldAsync(Guid enterpriseId, int? area = null)
    {
        var world = new World(database, enterpriseId, area ?? Interlocked.Increment(ref _areas));
        await world.StartAsync();
        return world;
    }

    /// <summary>A tag handed to a person.</summary>
    private sealed record Tagged(Guid TagId, string Serial, Guid PersonId);

    /// <summary>One enterprise's plan, its zones drawn around an area of the plan of the test's own, and a fence-rule process.</summary>
    private sealed class World(DemoDatabase database, Guid enterpriseId, int area) : IAsyncDisposable
    {
        private ServiceProvider _services = null!;
        private Guid _planId;
        private string _region = "";

        public int Area => area;

        /// <summary>The test clock's instant (08:00 Beijing).</summary>
        public DateTimeOffset Start => database.Clock.GetUtcNow();

        private double Offset => area * 1000;

        public async Task StartAsync()
        {
            _services = database.CreateServices();
            await using var scope = SystemScope();
            await scope.ServiceProvider.GetRequiredService<MaintainTrackPartitions.Handler>().HandleAsync(CancellationToken.None);
            await using var db = database.OwnerContext(TenantScope.System);
            _region = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync();
            var plan = SitePlan.Create(enterpriseId, _region, $"围栏测试{Guid.NewGuid():N}", 1000, 800, new PlanScale(0, 800, 1), Start);
            db.Add(plan);
            await db.SaveChangesAsync();
            _planId = plan.Id;
        }

        /// <summary>A new fence-rule process: what was in memory is gone, the database stays.</summary>
        public async Task RestartAsync()
        {
            await _services.DisposeAsync();
            _services = database.CreateServices();
        }

        public async Task<Guid> ZoneAsync(
            string name, double x, double y, double side, PersonTypes allowed = PersonTypes.Employee | PersonTypes.Contractor | PersonTypes.Visitor | PersonTypes.Driver,
            TimeOnly? from = null, TimeOnly? until = null, int? max = null, int? min = null, int? staticSeconds = null, int? overstaySeconds = null,
            RiskColor color = RiskColor.Red, bool requiresEscort = false)
        {
            await using var db = database.OwnerContext(TenantScope.System);
            var plan = await db.Set<SitePlan>().SingleAsync(p => p.Id == _planId);
            var corner = (X: x + Offset, Y: y);
            var outline = Metres.CreatePolygon([
                new(corner.X, corner.Y), new(corner.X + side, corner.Y), new(corner.X + side, corner.Y + side), new(corner.X, corner.Y + side), new(corner.X, corner.Y)]);
            var zone = Zone.Draw(plan, new ZoneDetails(name, outline, color, MaxOccupancy: max, MinOccupancy: min, AllowedPersonTypes: allowed,
                AllowedFrom: from, AllowedUntil: until, RequiresEscort: requiresEscort, StaticAlarmSeconds: staticSeconds, OverstaySeconds: overstaySeconds),
                ZoneSource.Manual, Start);
            db.Add(zone);
            await db.SaveChangesAsync();
            _services.GetRequiredService<ZoneChanges>().Changed(enterpriseId);
            return zone.Id;
        }

        /// <summary>Sets the zone's lists through <see cref="SetZonePeople"/> as the enterprise's administrator.</summary>
        public async Task PeopleAsync(Guid zoneId, Guid[]? whitelisted = null, Guid[]? required = null)
        {
            await using var scope = AdminScope(out var admin);
            await scope.ServiceProvider.GetRequiredService<SetZonePeople.Handler>().HandleAsync(admin, new SetZonePeople.Command(zoneId, whitelisted ?? [], required ?? []), CancellationToken.None);
        }

        public async Task<GetZonePeople.Result> ReadPeopleAsync(Guid zoneId)
        {
            await using var scope = AdminScope(out var admin);
            return await scope.ServiceProvider.GetRequiredService<GetZonePeople.Handler>().HandleAsync(admin, zoneId, CancellationToken.None);
        }

        /// <summary>A tag handed to a new visitor with <paramref name="escortId"/> as escort, through <see cref="BindTag"/> as the administrator.</summary>
        public async Task<Tagged> BindAsync(PersonTypes type, string name, Guid escortId)
        {
            var (tag, person) = await RegisterAsync(type, name);
            await using var scope = AdminScope(out var admin);
            await scope.ServiceProvider.GetRequiredService<BindTag.Handler>().HandleAsync(admin, new BindTag.Command(tag.Id, person.Id, Start.AddDays(1), escortId), CancellationToken.None);
            return new Tagged(tag.Id, tag.Serial, person.Id);
        }

        public async Task<Tagged> TagAsync(PersonTypes type, string name, TimeSpan? validFor = null, Guid? escort = null)
        {
            if (escort is { } escortId)
            {
                return await BindAsync(type, name, escortId);
            }

            await using var db = database.OwnerContext(TenantScope.System);
            var tag = PositioningTag.Register(enterpriseId, _region, $"F{area}-{Guid.NewGuid():N}"[..24], TagKind.Badge, Start);
            var person = Person.Register(enterpriseId, _region, name, type, type is PersonTypes.Visitor or PersonTypes.Contractor ? "外来单位" : null, TrainingStatus.Trained, Start);
            var until = validFor is { } valid ? Start.Add(valid) : type == PersonTypes.Visitor ? Start.AddDays(1) : (DateTimeOffset?)null;
            db.AddRange(tag, person, TagBinding.Bind(tag, person, Start.AddHours(-1), until));
            await db.SaveChangesAsync();
            return new Tagged(tag.Id, tag.Serial, person.Id);
        }

        /// <summary>Sends one fix every 5 s from <paramref name="start"/>, positions relative to the test's area, in one batch.</summary>
        public Task SendAsync(Tagged tag, DateTimeOffset start, params (double X, double Y)[] points) =>
            SendAsync(tag, [.. points.Select((p, i) => Fix(tag, start.AddSeconds(i * 5), p.X, p.Y))]);

        public Task SendAsync(Tagged tag, IReadOnlyList<ReceivedFix> fixes) => SendBatchAsync([.. fixes]);

        /// <summary>Each tag at its point, <paramref name="count"/> instants 5 s apart, one batch per instant.</summary>
        public async Task SendStepsAsync(DateTimeOffset start, int count, IReadOnlyList<(Tagged Tag, (double X, double Y) Point)> placements)
        {
            for (var i = 0; i < count; i++)
            {
                await SendBatchAsync([.. placements.Select(p => Fix(p.Tag, start.AddSeconds(i * 5), p.Point.X, p.Point.Y))]);
            }
        }

        public async Task CheckSilentTagsAsync(DateTimeOffset now)
        {
            var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now);
            await using var services = database.CreateServices(s => s.AddSingleton<TimeProvider>(clock));
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            await scope.ServiceProvider.GetRequiredService<CheckSilentTags.Handler>().HandleAsync(CancellationToken.None);
        }

        public async Task<List<Alarm>> AlarmsAsync(string category, Tagged tag)
        {
            await using var db = database.OwnerContext(TenantScope.System);
            return await db.Set<Alarm>().Where(a => a.Category == category && a.DeviceId == tag.TagId).OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).ToListAsync();
        }

        public async Task<List<Alarm>> ZoneAlarmsAsync(string category, Guid zoneId)
        {
            await using var db = database.OwnerContext(TenantScope.System);
            return await db.Set<Alarm>().Where(a => a.Category == category && a.ZoneId == zoneId).OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).ToListAsync();
        }

        public async ValueTask DisposeAsync() => await _services.DisposeAsync();

        private async Task<(PositioningTag Tag, Person Person)> RegisterAsync(PersonTypes type, string name)
        {
            await using var db = database.OwnerContext(TenantScope.System);
            var tag = PositioningTag.Register(enterpriseId, _region, $"F{area}-{Guid.NewGuid():N}"[..24], TagKind.Badge, Start);
            var person = Person.Register(enterpriseId, _region, name, type, type is PersonTypes.Visitor or PersonTypes.Contractor ? "外来单位" : null, TrainingStatus.Trained, Start);
            db.AddRange(tag, person);
            await db.SaveChangesAsync();
            return (tag, person);
        }

        private AsyncServiceScope AdminScope(out Actor admin)
        {
            admin = new Actor(TenantScope.ForEnterprise(enterpriseId, Guid.NewGuid(), "tester"), new HashSet<string> { Roles.EnterpriseAdmin });
            var scope = _services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = admin.Scope;
            return scope;
        }

        private async Task SendBatchAsync(List<ReceivedFix> fixes)
        {
            var shifted = fixes.Select((f, i) => f with { Index = i, X = f.X + Offset }).ToList();
            await using var scope = SystemScope();
            await scope.ServiceProvider.GetRequiredService<AcceptFixes.Handler>().HandleAsync(
                [new AcceptFixes.Delivery(enterpriseId, new FixBatch(shifted, []))], CancellationToken.None);
        }

        private AsyncServiceScope SystemScope()
        {
            var scope = _services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            return scope;
        }
    }
}
