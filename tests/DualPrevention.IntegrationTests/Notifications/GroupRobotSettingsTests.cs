using System.Text.Json;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Data;
using DualPrevention.Core.Notifications.GroupRobots;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.HiddenDangers;
using DualPrevention.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Notifications;

/// <summary>
/// Group robots configured by their owners (ADR 0019): the platforms' URL shapes, the webhook URL and secret kept as
/// Data Protection ciphertext and shown by their last four characters, an audit entry for every change, and each
/// owner alone seeing, changing and posting through its robots — by the use cases and by row-level security.
/// </summary>
public sealed class GroupRobotSettingsTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string WeComUrl = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";

    private const string DingTalkUrl = "https://oapi.dingtalk.com/robot/send?access_token=9f2c5e8bd1a7";

    private static readonly string[] EnterpriseEvents = [GroupRobotEvents.HiddenDangerReported, GroupRobotEvents.HiddenDangerEscalated];

    private static readonly string[] BureauEvents = [GroupRobotEvents.HiddenDangerEscalated];

    private readonly GroupRobotListener _listener = new();
    private HiddenDangerDriver _driver = null!;
    private HiddenDangerDriver _local = null!;

    public Task InitializeAsync()
    {
        _driver = new HiddenDangerDriver(database);
        _local = new HiddenDangerDriver(database, services => services.Configure<GroupRobotOptions>(options =>
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
        await _local.DisposeAsync();
        _listener.Dispose();
    }

    [Theory]
    [InlineData(GroupRobotKind.WeCom, "https://example.com/cgi-bin/webhook/send?key=abc", null, "Webhook")]
    [InlineData(GroupRobotKind.WeCom, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=", null, "Webhook")]
    [InlineData(GroupRobotKind.WeCom, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", "SECabc", "Secret")]
    [InlineData(GroupRobotKind.DingTalk, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", null, "Webhook")]
    [InlineData(GroupRobotKind.DingTalk, "https://oapi.dingtalk.com/robot/send?access_token=abc", "abc", "Secret")]
    [InlineData(GroupRobotKind.DingTalk, "http://oapi.dingtalk.com/robot/send?access_token=abc", null, "Webhook")]
    public async Task A_webhook_or_secret_not_of_the_platforms_shape_is_refused_naming_the_field(GroupRobotKind kind, string webhook, string? secret, string field)
    {
        var admin = await _driver.ActorAsync("demo-qd1-admin");

        var refusal = await Should.ThrowAsync<ValidationException>(() => AddAsync(_driver, admin, "安全群", kind, webhook, secret, EnterpriseEvents));

        refusal.Errors.Select(e => e.PropertyName).ShouldBe([field]);
    }

    [Fact]
    public async Task A_bureau_chooses_only_the_supervision_events_and_a_robot_needs_a_name_and_one_event()
    {
        var city = await _driver.ActorAsync("qingdao");

        (await Should.ThrowAsync<ValidationException>(() => AddAsync(_driver, city, "督办群", GroupRobotKind.WeCom, WeComUrl, null, [GroupRobotEvents.HiddenDangerReported])))
            .Errors.Select(e => e.PropertyName).ShouldBe(["TemplateKeys"]);
        (await Should.ThrowAsync<ValidationException>(() => AddAsync(_driver, city, " ", GroupRobotKind.WeCom, WeComUrl, null, [])))
            .Errors.Select(e => e.PropertyName).ShouldBe(["Name", "TemplateKeys"]);
        (await ListAsync(_driver, city)).AvailableTemplateKeys.ShouldBe(GroupRobotEvents.ForBureau);
    }

    [Fact]
    public async Task The_webhook_and_secret_are_stored_protected_shown_by_their_last_four_characters_and_every_change_is_audited()
    {
        var admin = await _driver.ActorAsync("demo-qd2-admin");
        var id = await AddAsync(_driver, admin, "储运安全群", GroupRobotKind.DingTalk, DingTalkUrl, "SECsecretvalue9876", EnterpriseEvents);

        await using (var db = database.OwnerContext(TenantScope.System))
        {
            var stored = await db.Set<GroupRobot>().AsNoTracking().SingleAsync(r => r.Id == id);
            stored.ProtectedWebhook.ShouldNotContain("9f2c5e8bd1a7");
            stored.ProtectedSecret!.ShouldNotContain("secretvalue");
        }

        var row = (await ListAsync(_driver, admin)).Robots.ShouldHaveSingleItem();
        (row.Name, row.WebhookHint, row.SecretHint, row.IsEnabled).ShouldBe(("储运安全群", "d1a7", "9876", true));

        await _driver.RunAsync<UpdateGroupRobot.Handler>(admin, h => h.HandleAsync(
            admin, new UpdateGroupRobot.Command(id, "储运值班群", EnterpriseEvents, "https://oapi.dingtalk.com/robot/send?access_token=new0token4321", null, RemoveSecret: true), default));
        await _driver.RunAsync<SetGroupRobotEnabled.Handler>(admin, h => h.HandleAsync(admin, id, false, default));
        row = (await ListAsync(_driver, admin)).Robots.ShouldHaveSingleItem();
        (row.Name, row.WebhookHint, row.SecretHint, row.IsEnabled).ShouldBe(("储运值班群", "4321", (string?)null, false));
        await _driver.RunAsync<DeleteGroupRobot.Handler>(admin, h => h.HandleAsync(admin, id, default));
        (await ListAsync(_driver, admin)).Robots.ShouldBeEmpty();

        await using var audit = database.OwnerContext(TenantScope.System);
        var entries = await audit.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(GroupRobot) && e.EntityId == id.ToString()).ToListAsync();
        entries.Select(e => e.Action).ShouldBe([AuditAction.Insert, AuditAction.Update, AuditAction.Update, AuditAction.Delete], ignoreOrder: true);
        entries.ShouldAllBe(e => e.EnterpriseId == database.Qd2 && e.UserName == "demo-qd2-admin");
        var written = string.Join("\n", entries.Select(e => (e.Before?.RootElement.GetRawText() ?? "") + (e.After?.RootElement.GetRawText() ?? "")));
        written.ShouldNotContain("token");
        written.ShouldNotContain("SECsecret");
        written.ShouldContain("(changed)");
    }

    [Fact]
    public async Task Another_owners_robot_is_neither_listed_nor_changed_nor_posted_through()
    {
        var owner = await _local.ActorAsync("demo-qd1-admin");
        var id = await AddAsync(_local, owner, "一号安全群", GroupRobotKind.WeCom, _listener.Url("cgi-bin/webhook/send?key=qd1").AbsoluteUri, null, EnterpriseEvents);
        var city = await _local.ActorAsync("qingdao");
        var cityRobot = await AddAsync(_local, city, "青岛督办群", GroupRobotKind.WeCom, _listener.Url("cgi-bin/webhook/send?key=qd").AbsoluteUri, null, BureauEvents);
        var province = await _local.ActorAsync("province");
        var provinceRobot = await AddAsync(_local, province, "省厅督办群", GroupRobotKind.WeCom, _listener.Url("cgi-bin/webhook/send?key=sd").AbsoluteUri, null, BureauEvents);

        foreach (var (userName, theirs) in new[] { ("demo-qd2-admin", id), ("weifang", cityRobot), ("qingdao", id), ("province", cityRobot), ("qingdao", provinceRobot), ("demo-qd1-admin", cityRobot) })
        {
            var other = await _local.ActorAsync(userName);
            (await ListAsync(_local, other)).Robots.ShouldNotContain(r => r.Id == theirs, userName);
            await Should.ThrowAsync<NotFoundException>(() => _local.RunAsync<SendGroupRobotTestMessage.Handler>(other, h => h.HandleAsync(other, theirs, default)));
            await Should.ThrowAsync<NotFoundException>(() => _local.RunAsync<UpdateGroupRobot.Handler>(other, h => h.HandleAsync(other, new(theirs, "改名", BureauEvents, null, null, false), default)));
            await Should.ThrowAsync<NotFoundException>(() => _local.RunAsync<SetGroupRobotEnabled.Handler>(other, h => h.HandleAsync(other, theirs, false, default)));
            await Should.ThrowAsync<NotFoundException>(() => _local.RunAsync<DeleteGroupRobot.Handler>(other, h => h.HandleAsync(other, theirs, default)));
        }

        var inspector = await _local.ActorAsync("demo-qd1-inspector");
        await Should.ThrowAsync<DomainRuleException>(() => ListAsync(_local, inspector));
        await Should.ThrowAsync<DomainRuleException>(() => _local.RunAsync<SendGroupRobotTestMessage.Handler>(inspector, h => h.HandleAsync(inspector, id, default)));
        _listener.Snapshot().ShouldBeEmpty();
        (await ListAsync(_local, owner)).Robots.ShouldContain(r => r.Id == id && r.Name == "一号安全群" && r.IsEnabled);

        // Row-level security alone, past the query filter: another enterprise and another city read none of them.
        await using var qd2 = database.AppContext(TenantScope.ForEnterprise(database.Qd2));
        (await qd2.Set<GroupRobot>().IgnoreQueryFilters([DualPreventionDbContext.TenantFilter]).CountAsync(r => r.Id == id || r.Id == cityRobot || r.Id == provinceRobot)).ShouldBe(0);
        await using var weifang = database.AppContext(TenantScope.ForRegion("370700"));
        (await weifang.Set<GroupRobot>().IgnoreQueryFilters([DualPreventionDbContext.TenantFilter]).CountAsync(r => r.Id == id || r.Id == cityRobot || r.Id == provinceRobot)).ShouldBe(0);
    }

    [Fact]
    public async Task A_test_message_posts_now_and_answers_with_the_platforms_errcode_and_errmsg()
    {
        var city = await _local.ActorAsync("weifang");
        var signed = await AddAsync(_local, city, "潍坊督办群", GroupRobotKind.DingTalk, _listener.Url("robot/send?access_token=wf").AbsoluteUri, GroupRobotListener.Secret, BureauEvents);
        var wrong = await AddAsync(_local, city, "潍坊值班群", GroupRobotKind.DingTalk, _listener.Url("robot/send?access_token=wf2").AbsoluteUri, "SECnot the secret", BureauEvents);

        var delivered = await _local.RunAsync<SendGroupRobotTestMessage.Handler, SendGroupRobotTestMessage.Result>(city, h => h.HandleAsync(city, signed, default));
        var refused = await _local.RunAsync<SendGroupRobotTestMessage.Handler, SendGroupRobotTestMessage.Result>(city, h => h.HandleAsync(city, wrong, default));

        delivered.ShouldBe(new SendGroupRobotTestMessage.Result(true, 0, "ok"));
        refused.ShouldBe(new SendGroupRobotTestMessage.Result(false, 310000, "sign not match"));
        var posted = _listener.Snapshot().First(r => r.Query["access_token"] == "wf");
        posted.SignatureValid.ShouldBeTrue();
        JsonDocument.Parse(posted.Body).RootElement.GetProperty("markdown").GetProperty("text").GetString()!.ShouldContain("潍坊督办群");
    }

    internal static Task<Guid> AddAsync(
        HiddenDangerDriver driver, Actor actor, string name, GroupRobotKind kind, string webhook, string? secret, IReadOnlyList<string> events, string language = GroupRobotLanguages.Chinese) =>
        driver.RunAsync<AddGroupRobot.Handler, Guid>(actor, h => h.HandleAsync(actor, new AddGroupRobot.Command(name, kind, webhook, secret, events, language), default));

    internal static Task<ListGroupRobots.Result> ListAsync(HiddenDangerDriver driver, Actor actor) =>
        driver.RunAsync<ListGroupRobots.Handler, ListGroupRobots.Result>(actor, h => h.HandleAsync(actor, default));
}
