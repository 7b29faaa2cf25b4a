using System.Text.Json;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Notifications.GroupRobots;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Escalations;
using DualPrevention.IntegrationTests.HiddenDangers;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Notifications;

/// <summary>
/// One post per event to a group (ADR 0019): a workflow step and an escalation step each become one delivery per robot
/// that takes the kind, whoever many people the app tells; a retried fan-out posts nothing twice; failures are retried
/// with the back-off of ADR 0010, shown on the robot, and told to whoever added it when they keep coming.
/// </summary>
public sealed class GroupRobotDeliveryTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string PublicBaseUrl = "https://aqsc.example.gov.cn/";

    private readonly GroupRobotListener _listener = new();
    private HiddenDangerDriver _driver = null!;

    public Task InitializeAsync()
    {
        _driver = new HiddenDangerDriver(database, services => services
            .AddSingleton(new PublicSite(new Uri(PublicBaseUrl)))
            .Configure<GroupRobotOptions>(options =>
            {
                options.WeComWebhook = _listener.Url("cgi-bin/webhook/send").AbsoluteUri;
                options.DingTalkWebhook = _listener.Url("robot/send").AbsoluteUri;
            }));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // The tests share the database but not the listener: robots (and their posts) go with the test that made them.
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            await db.Set<GroupRobot>().ExecuteDeleteAsync();
        }

        await _driver.DisposeAsync();
        _listener.Dispose();
    }

    [Fact]
    public async Task A_reported_hidden_danger_is_posted_once_to_each_enterprise_robot_that_takes_it_not_once_per_recipient()
    {
        var admin = await _driver.ActorAsync("demo-qd1-admin");
        var takesReports = await AddAsync(admin, "一号班组群", GroupRobotKind.WeCom, "key=reports", null, [GroupRobotEvents.HiddenDangerReported]);
        var signs = await AddAsync(admin, "一号钉钉群", GroupRobotKind.DingTalk, "access_token=reports", GroupRobotListener.Secret, [GroupRobotEvents.HiddenDangerReported]);
        var otherKinds = await AddAsync(admin, "一号督办群", GroupRobotKind.WeCom, "key=posted", null, [GroupRobotEvents.HiddenDangerPosted]);
        var qd2 = await _driver.ActorAsync("demo-qd2-admin");
        var otherEnterprise = await AddAsync(qd2, "二号班组群", GroupRobotKind.WeCom, "key=qd2", null, [GroupRobotEvents.HiddenDangerReported]);
        await database.EnsureSafetyOfficerAsync(database.Qd1, "demo-qd1-robots-safety");

        var id = await _driver.ReportAsync(await _driver.ActorAsync("demo-qd1-inspector"));

        (await DeliveriesAsync(takesReports)).ShouldHaveSingleItem().Link.ShouldBe($"hidden-dangers/{id}");
        (await DeliveriesAsync(signs)).ShouldHaveSingleItem();
        (await DeliveriesAsync(otherKinds)).ShouldBeEmpty();
        (await DeliveriesAsync(otherEnterprise)).ShouldBeEmpty();
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            (await db.Notifications.CountAsync(n => n.Link == $"hidden-dangers/{id}")).ShouldBeGreaterThan(1);
        }

        (await DeliverAsync()).ShouldBe(new DeliverGroupRobotMessages.Result(2, 0));
        (await DeliverAsync()).ShouldBe(new DeliverGroupRobotMessages.Result(0, 0));
        var requests = _listener.Snapshot();
        var wecom = requests.Single(r => r.Query["key"] == "reports");
        var content = JsonDocument.Parse(wecom.Body).RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        content.ShouldStartWith("### ");
        content.ShouldContain("罐区法兰泄漏");
        content.ShouldEndWith($"[查看详情]({PublicBaseUrl}hidden-dangers/{id})");
        requests.Single(r => r.Query["access_token"] == "reports").SignatureValid.ShouldBeTrue();
        (await ListAsync(admin)).Robots.Single(r => r.Id == takesReports).ShouldSatisfyAllConditions(
            r => r.ConsecutiveFailures.ShouldBe(0), r => r.LastError.ShouldBeNull(), r => r.LastAttemptAt.ShouldBe(database.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task An_escalation_step_is_posted_once_to_the_supervising_citys_robot_and_a_retried_fan_out_posts_nothing_twice()
    {
        var weifang = await _driver.ActorAsync("weifang");
        var cityRobot = await AddAsync(weifang, "潍坊督办群", GroupRobotKind.WeCom, "key=weifang", null, [GroupRobotEvents.HiddenDangerEscalated]);
        var qingdaoRobot = await AddAsync(await _driver.ActorAsync("qingdao"), "青岛督办群", GroupRobotKind.WeCom, "key=qingdao", null, [GroupRobotEvents.HiddenDangerEscalated]);
        var id = await ForcedHiddenDanger.Of(database.Wf1).Major().DueOn(new DateOnly(2027, 1, 31)).SaveAsync(database);

        (await database.EscalateAsync()).StepsFired.ShouldBe(1);
        await database.NotifyAsync();
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            // As if the batch's commit had been lost after the posts were queued: the fan-out runs it again.
            await db.EscalationRecords.Where(r => r.SubjectId == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.NotifiedAt, (DateTimeOffset?)null));
        }

        await database.NotifyAsync();

        var delivery = (await DeliveriesAsync(cityRobot)).ShouldHaveSingleItem();
        delivery.TemplateKey.ShouldBe("EscalationNotice.HiddenDanger");
        delivery.EnterpriseId.ShouldBe(database.Wf1);
        (await DeliveriesAsync(qingdaoRobot)).ShouldBeEmpty();
        (await DeliverAsync()).ShouldBe(new DeliverGroupRobotMessages.Result(1, 0));
        var content = JsonDocument.Parse(_listener.Snapshot().Single(r => r.Query["key"] == "weifang").Body).RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        content.ShouldContain("重大隐患已登记");
        content.ShouldEndWith($"[查看详情]({PublicBaseUrl}hidden-dangers/{id})");
    }

    [Fact]
    public async Task A_failing_robot_is_retried_with_back_off_shown_on_its_row_and_its_owner_told_on_the_third_failure_in_a_row()
    {
        _listener.FailuresBeforeSuccess = 3;
        var admin = await _driver.ActorAsync("demo-wf1-admin");
        var robot = await AddAsync(admin, "潍坊化学群", GroupRobotKind.WeCom, "key=failing", null, [GroupRobotEvents.HiddenDangerReported]);
        await _driver.ReportAsync(await _driver.ActorAsync("demo-wf1-inspector"));

        var gaps = new List<double>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await DeliverAsync()).ShouldBe(new DeliverGroupRobotMessages.Result(0, 1));
            var waiting = (await DeliveriesAsync(robot)).ShouldHaveSingleItem();
            waiting.Attempts.ShouldBe(attempt);
            gaps.Add((waiting.NextAttemptAt!.Value - database.Clock.GetUtcNow()).TotalMinutes);
            var row = (await ListAsync(admin)).Robots.Single(r => r.Id == robot);
            (row.ConsecutiveFailures, row.Retrying, row.RetryAttempts, row.NextRetryAt).ShouldBe((attempt, 1, (int?)attempt, waiting.NextAttemptAt));
            row.LastError!.ShouldContain("500");
            (await WarningsAsync(admin)).ShouldBe(attempt < 3 ? 0 : 1);
            database.Clock.SetUtcNow(waiting.NextAttemptAt.Value);
        }

        gaps.ShouldBe([1, 2, 4]);
        (await DeliverAsync()).ShouldBe(new DeliverGroupRobotMessages.Result(1, 0));
        var recovered = (await ListAsync(admin)).Robots.Single(r => r.Id == robot);
        (recovered.ConsecutiveFailures, recovered.LastError, recovered.Retrying, recovered.NextRetryAt).ShouldBe((0, (string?)null, 0, (DateTimeOffset?)null));
        (await WarningsAsync(admin)).ShouldBe(1);
    }

    [Fact]
    public async Task A_robot_posts_in_its_groups_language_Chinese_unless_English_was_chosen()
    {
        var admin = await _driver.ActorAsync("demo-qd1-admin");
        var chinese = await AddAsync(admin, "一号中文群", GroupRobotKind.WeCom, "key=chinese", null, [GroupRobotEvents.HiddenDangerReported]);
        var english = await AddAsync(admin, "Plant 1 contractors", GroupRobotKind.DingTalk, "access_token=english", GroupRobotListener.Secret, [GroupRobotEvents.HiddenDangerReported], GroupRobotLanguages.English);
        var rows = (await ListAsync(admin)).Robots;
        (rows.Single(r => r.Id == chinese).Language, rows.Single(r => r.Id == english).Language).ShouldBe((GroupRobotLanguages.Chinese, GroupRobotLanguages.English));
        var id = await _driver.ReportAsync(await _driver.ActorAsync("demo-qd1-inspector"));

        (await DeliverAsync()).ShouldBe(new DeliverGroupRobotMessages.Result(2, 0));
        var requests = _listener.Snapshot();
        var inChinese = JsonDocument.Parse(requests.Single(r => r.Query["key"] == "chinese").Body).RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        var inEnglish = JsonDocument.Parse(requests.Single(r => r.Query["access_token"] == "english").Body).RootElement.GetProperty("markdown");
        inChinese.ShouldStartWith("### 新隐患待确认");
        inChinese.ShouldEndWith($"[查看详情]({PublicBaseUrl}hidden-dangers/{id})");
        inEnglish.GetProperty("title").GetString().ShouldBe("New hidden danger to confirm");
        inEnglish.GetProperty("text").GetString()!.ShouldContain("Please confirm its level, rectifier and deadline.");
        inEnglish.GetProperty("text").GetString()!.ShouldEndWith($"[Open]({PublicBaseUrl}hidden-dangers/{id})");

        // A test message reads as the group will read the posts, whatever the language of whoever sends it.
        foreach (var (robot, query, title) in new[] { (english, "access_token", "Test message"), (chinese, "key", "测试消息") })
        {
            (await _driver.RunAsync<SendGroupRobotTestMessage.Handler, SendGroupRobotTestMessage.Result>(admin, h => h.HandleAsync(admin, robot, default))).Delivered.ShouldBeTrue();
            var markdown = JsonDocument.Parse(_listener.Snapshot().Last(r => r.Query[query] is "english" or "chinese").Body).RootElement.GetProperty("markdown");
            string.Join("\n", markdown.EnumerateObject().Select(p => p.Value.GetString())).ShouldContain(title);
        }
    }

    [Fact]
    public async Task A_disabled_robots_waiting_posts_are_given_up_without_a_post()
    {
        var admin = await _driver.ActorAsync("demo-qd2-admin");
        var robot = await AddAsync(admin, "二号停用群", GroupRobotKind.WeCom, "key=disabled", null, [GroupRobotEvents.HiddenDangerReported]);
        await _driver.ReportAsync(await _driver.ActorAsync("demo-qd2-inspector"));
        await _driver.RunAsync<SetGroupRobotEnabled.Handler>(admin, h => h.HandleAsync(admin, robot, false, default));

        await DeliverAsync();

        var delivery = (await DeliveriesAsync(robot)).ShouldHaveSingleItem();
        delivery.Status.ShouldBe(DeliveryStatus.Failed);
        _listener.Snapshot().ShouldNotContain(r => r.Query["key"] == "disabled");
        (await ListAsync(admin)).Robots.Single(r => r.Id == robot).GivenUp.ShouldBe(1);
    }

    private Task<Guid> AddAsync(
        Actor actor, string name, GroupRobotKind kind, string credential, string? secret, IReadOnlyList<string> events, string language = GroupRobotLanguages.Chinese) =>
        GroupRobotSettingsTests.AddAsync(
            _driver, actor, name, kind, _listener.Url((kind == GroupRobotKind.WeCom ? "cgi-bin/webhook/send?" : "robot/send?") + credential).AbsoluteUri, secret, events, language);

    private Task<ListGroupRobots.Result> ListAsync(Actor actor) => GroupRobotSettingsTests.ListAsync(_driver, actor);

    private async Task<List<GroupRobotDelivery>> DeliveriesAsync(Guid robotId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Set<GroupRobotDelivery>().AsNoTracking().Where(d => d.RobotId == robotId).ToListAsync();
    }

    private async Task<int> WarningsAsync(Actor owner)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Notifications.CountAsync(n => n.RecipientUserId == owner.Scope.UserId && n.TemplateKey == GroupRobotFailingNotice.Key);
    }

    private Task<DeliverGroupRobotMessages.Result> DeliverAsync() =>
        _driver.RunAsync<DeliverGroupRobotMessages.Handler, DeliverGroupRobotMessages.Result>(
            new Actor(TenantScope.System, new HashSet<string>()), handler => handler.HandleAsync(default));
}
