using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Escalations;

public class EscalationLadderTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Every_default_step_of_a_general_item_fires_once_on_its_local_day()
    {
        var rectifier = await database.UserIdAsync("demo-qd1-inspector");
        var deadline = database.DeadlineAhead(10);
        var id = await ForcedHiddenDanger.Of(database.Qd1).DueOn(deadline).RectifiedBy(rectifier).SaveAsync(database);

        var fired = await WalkAsync(id, deadline, -4, 31);

        fired.ShouldBe(["-3:remind-3d", "0:deadline-safety", "4:overdue-3d-principal", "8:overdue-7d-city", "31:overdue-30d-province"]);
        (await database.StepsOfAsync(id)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task A_major_item_goes_to_the_city_when_registered_and_again_at_once_when_overdue()
    {
        var deadline = database.DeadlineAhead(6);
        database.SetLocalDay(deadline.AddDays(-5));
        var id = await ForcedHiddenDanger.Of(database.Qd1).Major().DueOn(deadline).SaveAsync(database);

        var fired = await WalkAsync(id, deadline, -5, 31);

        fired.ShouldBe(["-5:major-registered-city", "-3:remind-3d", "0:deadline-safety", "1:major-overdue-city", "4:overdue-3d-principal", "31:overdue-30d-province"]);
    }

    [Fact]
    public async Task A_posted_major_item_past_its_posting_deadline_goes_to_the_province()
    {
        var deadline = database.DeadlineAhead(1);
        var posting = deadline.AddDays(20);
        database.SetLocalDay(deadline.AddDays(15));
        var id = await ForcedHiddenDanger.Of(database.Qd1).PostedUntil(posting).DueOn(deadline).SaveAsync(database);
        await database.EscalateAsync();

        database.SetLocalDay(posting);
        await database.EscalateAsync();
        (await database.StepsOfAsync(id)).ShouldNotContain("posted-overdue-province");

        database.SetLocalDay(posting.AddDays(1));
        await database.EscalateAndNotifyAsync();
        await database.EscalateAndNotifyAsync();
        (await database.StepsOfAsync(id)).Count(s => s == "posted-overdue-province").ShouldBe(1);
        (await database.RecipientsOfAsync(id, "posted-overdue-province")).ShouldBe(["province"]);
    }

    [Fact]
    public async Task Closed_and_invalidated_items_are_not_escalated()
    {
        var deadline = database.DeadlineAhead(1);
        database.SetLocalDay(deadline.AddDays(40));
        var accepted = await ForcedHiddenDanger.Of(database.Qd1).InState(Core.HiddenDangers.HiddenDangerState.Accepted).DueOn(deadline).SaveAsync(database);
        var invalidated = await ForcedHiddenDanger.Of(database.Qd1).InState(Core.HiddenDangers.HiddenDangerState.Invalidated).DueOn(deadline).SaveAsync(database);

        await database.EscalateAsync();

        (await database.StepsOfAsync(accepted)).ShouldBeEmpty();
        (await database.StepsOfAsync(invalidated)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_step_reaches_its_own_recipients_and_a_qingdao_item_reaches_the_qingdao_reviewer_not_weifang()
    {
        var rectifier = await database.UserIdAsync("demo-qd1-inspector");
        await database.EnsureSafetyOfficerAsync(database.Qd1, "demo-qd1-safety");
        var deadline = database.DeadlineAhead(10);
        var id = await ForcedHiddenDanger.Of(database.Qd1).DueOn(deadline).RectifiedBy(rectifier).SaveAsync(database);

        await WalkAsync(id, deadline, -3, 31);

        (await database.RecipientsOfAsync(id, "remind-3d")).ShouldBe(["demo-qd1-inspector"]);
        (await database.RecipientsOfAsync(id, "deadline-safety")).ShouldBe(["demo-qd1-safety"]);
        (await database.RecipientsOfAsync(id, "overdue-3d-principal")).ShouldBe(["demo-qd1-admin"]);
        (await database.RecipientsOfAsync(id, "overdue-7d-city")).ShouldBe(["qingdao"]);
        (await database.RecipientsOfAsync(id, "overdue-30d-province")).ShouldBe(["province"]);
        await using var db = database.OwnerContext(TenantScope.System);
        var notice = db.Notifications.Where(n => n.Link == $"hidden-dangers/{id}").AsEnumerable()
            .Select(n => n.InChinese()).Single(n => n.Title == "隐患整改已逾期" && n.Body.Contains("已逾期 8 天"));
        notice.Body.ShouldContain("储罐区防火堤破损");
    }

    [Fact]
    public async Task The_supervision_and_overdue_notices_name_the_hidden_dangers_number_in_both_languages()
    {
        var deadline = database.DeadlineAhead(6);
        database.SetLocalDay(deadline.AddDays(-5));
        var id = await ForcedHiddenDanger.Of(database.Qd1).Major().DueOn(deadline).SaveAsync(database);

        await WalkAsync(id, deadline, -5, 1);

        await using var db = database.OwnerContext(TenantScope.System);
        var number = await db.HiddenDangers.Where(h => h.Id == id).Select(h => h.Number).SingleAsync();
        var notices = db.Notifications.Where(n => n.Link == $"hidden-dangers/{id}").AsEnumerable().ToList();
        notices.Select(n => n.InChinese().Title).ShouldContain("重大隐患已登记", customMessage: "the city's 督办 notice at registration");
        notices.Select(n => n.InChinese().Title).ShouldContain("重大隐患整改已逾期");
        notices.ShouldAllBe(n => n.InChinese().Body.Contains($"（{number}）") && n.InEnglish().Body.Contains($"({number})"));
    }

    [Fact]
    public async Task Two_concurrent_runs_record_and_notify_each_step_once()
    {
        var deadline = database.DeadlineAhead(20);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await ForcedHiddenDanger.Of(database.Qd2).Major().DueOn(deadline).SaveAsync(database));
        }

        var runs = await Task.WhenAll(database.EscalateAsync(), database.EscalateAsync());
        var fanOuts = await Task.WhenAll(database.NotifyAsync(), database.NotifyAsync());

        runs.Sum(r => r.StepsFired).ShouldBeGreaterThanOrEqualTo(5);
        fanOuts.Sum(f => f.Records).ShouldBe(runs.Sum(r => r.StepsFired));
        foreach (var id in ids)
        {
            (await database.StepsOfAsync(id)).ShouldBe(["major-registered-city"]);
            (await database.RecipientsOfAsync(id, "major-registered-city")).ShouldBe(["qingdao"]);
        }

        (await database.EscalateAsync()).StepsFired.ShouldBe(0);
        (await database.NotifyAsync()).ShouldBe(new(0, 0));
    }

    /// <summary>
    /// Runs the job and its fan-out twice on each local day from deadline+<paramref name="from"/> to +<paramref name="to"/>;
    /// returns "day:step" for each step on the day it fired.
    /// </summary>
    private async Task<List<string>> WalkAsync(Guid id, DateOnly deadline, int from, int to)
    {
        var fired = new List<string>();
        var seen = new List<string>();
        for (var day = from; day <= to; day++)
        {
            database.SetLocalDay(deadline.AddDays(day));
            await database.EscalateAndNotifyAsync();
            await database.EscalateAndNotifyAsync();
            var steps = await database.StepsOfAsync(id);
            fired.AddRange(steps.Except(seen).Select(step => $"{day}:{step}"));

            steps.Count.ShouldBe(steps.Distinct().Count());
            seen = steps;
        }

        return fired;
    }
}
