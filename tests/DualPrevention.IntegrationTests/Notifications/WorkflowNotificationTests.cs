using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Escalations;
using DualPrevention.IntegrationTests.HiddenDangers;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Notifications;

/// <summary>
/// Hidden-danger workflow steps notify the people who must act next, in the step's own transaction, never the actor,
/// with one delivery per outbound channel and a live badge push; a refused step notifies nobody.
/// </summary>
public sealed class WorkflowNotificationTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private static readonly string[] ChannelNames = ["log", "webhook"];

    private readonly HiddenDangerDriver _driver = new(database, services =>
    {
        foreach (var name in ChannelNames)
        {
            services.AddSingleton<INotificationChannel>(new SilentChannel(name));
        }
    });

    private readonly List<Guid> _signalled = [];
    private readonly List<IDisposable> _subscriptions = [];
    private Actor _admin = null!;
    private Actor _inspector = null!;
    private Actor _safetyOfficer = null!;
    private Actor _secondSafetyOfficer = null!;
    private Actor _qingdao = null!;

    public async Task InitializeAsync()
    {
        _admin = await _driver.ActorAsync("demo-qd1-admin");
        _inspector = await _driver.ActorAsync("demo-qd1-inspector");
        await database.EnsureSafetyOfficerAsync(database.Qd1, "demo-qd1-safety");
        _safetyOfficer = await _driver.ActorAsync("demo-qd1-safety");
        await database.EnsureSafetyOfficerAsync(database.Qd1, "demo-qd1-safety2");
        _secondSafetyOfficer = await _driver.ActorAsync("demo-qd1-safety2");
        _qingdao = await _driver.ActorAsync("qingdao");
        foreach (var actor in new[] { _admin, _inspector, _safetyOfficer, _qingdao })
        {
            var userId = actor.Scope.UserId!.Value;
            _subscriptions.Add(_driver.Hub.Subscribe(userId, () =>
            {
                lock (_signalled)
                {
                    _signalled.Add(userId);
                }
            }));
        }
    }

    public async Task DisposeAsync()
    {
        _subscriptions.ForEach(s => s.Dispose());
        await _driver.DisposeAsync();
    }

    [Fact]
    public async Task Being_made_the_rectifier_notifies_the_rectifier_with_a_delivery_per_channel_and_a_live_push()
    {
        var id = await _driver.ReportAsync(_inspector);
        _signalled.Clear();
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(7));

        var sent = (await SentAsync(id)).Where(n => n.Title == "您已被指定为隐患整改责任人").ShouldHaveSingleItem();
        sent.Recipient.ShouldBe(_inspector.Scope.UserId);
        sent.Title.ShouldBe("您已被指定为隐患整改责任人");
        sent.Body.ShouldContain($"「罐区法兰泄漏」（{await NumberAsync(id)}）");
        sent.Link.ShouldBe($"hidden-dangers/{id}");
        sent.EscalationRecordId.ShouldBeNull();
        sent.Channels.ShouldBe(ChannelNames, ignoreOrder: true);
        _signalled.ShouldBe([_inspector.Scope.UserId!.Value]);
    }

    [Fact]
    public async Task Confirming_oneself_as_the_rectifier_notifies_nobody()
    {
        var id = await _driver.ReportAsync(_inspector);
        await _driver.ConfirmAsync(_admin, id, _admin.Scope.UserId!.Value, _driver.Today.AddDays(7));

        (await SentAsync(id)).Where(n => n.Title == "您已被指定为隐患整改责任人").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_direct_report_notifies_every_confirmer_with_a_delivery_per_channel_and_a_live_push_but_not_the_reporter()
    {
        _signalled.Clear();
        var id = await _driver.ReportAsync(_inspector);

        var reported = (await SentAsync(id)).Where(n => n.Title == "新隐患待确认").ToList();
        reported.Select(n => n.Recipient).ShouldBe([_admin.Scope.UserId, _safetyOfficer.Scope.UserId, _secondSafetyOfficer.Scope.UserId], ignoreOrder: true);
        reported[0].Body.ShouldContain($"「罐区法兰泄漏」（{await NumberAsync(id)}）", customMessage: "the number is given at insert, before the notice is composed");
        reported.ShouldAllBe(n => n.Channels.Count == ChannelNames.Length);
        _signalled.ShouldBe([_admin.Scope.UserId!.Value, _safetyOfficer.Scope.UserId!.Value], ignoreOrder: true);
    }

    [Fact]
    public async Task A_report_by_a_safety_officer_notifies_the_other_confirmers()
    {
        var id = await _driver.ReportAsync(_safetyOfficer);

        (await SentAsync(id)).Where(n => n.Title == "新隐患待确认").Select(n => n.Recipient)
            .ShouldBe([_admin.Scope.UserId, _secondSafetyOfficer.Scope.UserId], ignoreOrder: true);
    }

    [Fact]
    public async Task A_regulators_finding_notifies_the_enterprises_confirmers_and_not_the_bureau()
    {
        var id = await _driver.RunAsync<ReportHiddenDangerAsRegulator.Handler, Guid>(
            _qingdao, h => h.HandleAsync(_qingdao, new(database.Qd1, "QD-ZF-2026-118", HiddenDangerDriver.Report()), default));

        (await SentAsync(id)).Where(n => n.Title == "新隐患待确认").Select(n => n.Recipient)
            .ShouldBe([_admin.Scope.UserId, _safetyOfficer.Scope.UserId, _secondSafetyOfficer.Scope.UserId], ignoreOrder: true);
    }

    [Fact]
    public async Task A_rectification_pending_acceptance_notifies_the_safety_officers_and_admins_but_not_the_rectifier_who_submitted_it()
    {
        var id = await ConfirmedAsync(_inspector);
        await _driver.RectifyAsync(_inspector, id);

        var pending = (await SentAsync(id)).Where(n => n.Title == "隐患整改待验收").ToList();
        pending.Select(n => n.Recipient).ShouldBe([_admin.Scope.UserId, _safetyOfficer.Scope.UserId, _secondSafetyOfficer.Scope.UserId], ignoreOrder: true);
        pending[0].Body.ShouldContain("已更换垫片");
    }

    [Fact]
    public async Task A_rectification_submitted_by_an_admin_notifies_the_other_managers_not_the_submitter_nor_the_rectifier()
    {
        var id = await ConfirmedAsync(_safetyOfficer);
        await _driver.RectifyAsync(_admin, id);

        var pending = (await SentAsync(id)).Where(n => n.Title == "隐患整改待验收").Select(n => n.Recipient).ToList();
        pending.ShouldBe([_secondSafetyOfficer.Scope.UserId]);
    }

    [Fact]
    public async Task A_rejected_acceptance_notifies_the_rectifier_and_not_the_one_who_rejected()
    {
        var id = await ConfirmedAsync(_inspector);
        await _driver.RectifyAsync(_inspector, id);
        _signalled.Clear();
        await _driver.RunAsync<RejectAcceptance.Handler>(_safetyOfficer, h => h.HandleAsync(_safetyOfficer, new(id, "照片看不清"), default));

        var rejected = (await SentAsync(id)).Where(n => n.Title == "隐患验收未通过").ShouldHaveSingleItem();
        rejected.Recipient.ShouldBe(_inspector.Scope.UserId);
        rejected.Body.ShouldContain("照片看不清");
        _signalled.ShouldBe([_inspector.Scope.UserId!.Value]);
    }

    [Fact]
    public async Task An_extension_decision_notifies_the_requester()
    {
        var deadline = _driver.Today.AddDays(7);
        var id = await ConfirmedAsync(_inspector, deadline);
        var first = await RequestAsync(id, deadline.AddDays(10));
        await DecideAsync(_admin, id, first, approve: false);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await RequestAsync(id, deadline.AddDays(20));
        await DecideAsync(_admin, id, second, approve: true);

        var decided = (await SentAsync(id)).Where(n => n.Title.StartsWith("延期申请", StringComparison.Ordinal)).ToList();
        decided.Select(n => n.Title).ShouldBe(["延期申请未批准", "延期申请已批准"]);
        decided.ShouldAllBe(n => n.Recipient == _inspector.Scope.UserId);
        decided[1].Body.ShouldContain($"{deadline.AddDays(20):yyyy-MM-dd}");
    }

    [Fact]
    public async Task A_posting_notifies_the_enterprises_admins_and_safety_officers_and_not_the_bureau_or_the_inspector()
    {
        var id = await _driver.ReportAsync(_inspector, HiddenDangerLevel.Major, new MajorGrading([12], null));
        await PostAsync(id);

        var posted = (await SentAsync(id)).Where(n => n.Title == "重大隐患已被挂牌督办").ToList();
        posted.Select(n => n.Recipient).ShouldBe([_admin.Scope.UserId, _safetyOfficer.Scope.UserId, _secondSafetyOfficer.Scope.UserId], ignoreOrder: true);
        posted[0].Body.ShouldContain("青安委督〔2026〕9号");
        posted.ShouldAllBe(n => n.Channels.Count == ChannelNames.Length);
    }

    [Fact]
    public async Task A_refused_or_repeated_step_notifies_nobody()
    {
        var id = await _driver.ReportAsync(_inspector, HiddenDangerLevel.Major, new MajorGrading([12], null));
        await PostAsync(id);
        var afterPosting = (await SentAsync(id)).Count;

        await Should.ThrowAsync<DomainRuleException>(() => PostAsync(id));
        await Should.ThrowAsync<DomainRuleException>(() => _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(-1), HiddenDangerLevel.Major));

        (await SentAsync(id)).Count.ShouldBe(afterPosting);
    }

    private async Task<Guid> ConfirmedAsync(Actor rectifier, DateOnly? deadline = null)
    {
        var id = await _driver.ReportAsync(_inspector);
        await _driver.ConfirmAsync(_admin, id, rectifier.Scope.UserId!.Value, deadline ?? _driver.Today.AddDays(7));
        return id;
    }

    private Task PostAsync(Guid id) =>
        _driver.RunAsync<PostHiddenDanger.Handler>(_qingdao, h => h.HandleAsync(_qingdao, new(id, new Posting(PostingLevel.City, "青岛市安委会", "青安委督〔2026〕9号", _driver.Today.AddDays(60))), default));

    private Task<Guid> RequestAsync(Guid id, DateOnly deadline) =>
        _driver.RunAsync<RequestDeadlineExtension.Handler, Guid>(_inspector, h => h.HandleAsync(_inspector, new(id, deadline, "备件未到货"), default));

    private Task DecideAsync(Actor actor, Guid id, Guid requestId, bool approve) =>
        _driver.RunAsync<DecideDeadlineExtension.Handler>(actor, h => h.HandleAsync(actor, new(id, requestId, approve, null), default));

    /// <summary>The notifications about <paramref name="hiddenDangerId"/>, oldest first, with their deliveries' channels.</summary>
    private async Task<string> NumberAsync(Guid hiddenDangerId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.HiddenDangers.Where(h => h.Id == hiddenDangerId).Select(h => h.Number).SingleAsync();
    }

    private async Task<List<Sent>> SentAsync(Guid hiddenDangerId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var link = $"hidden-dangers/{hiddenDangerId}";
        var notifications = await db.Notifications.Where(n => n.Link == link).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync();
        var ids = notifications.Select(n => n.Id).ToList();
        var channels = (await db.NotificationDeliveries.Where(d => ids.Contains(d.NotificationId)).Select(d => new { d.NotificationId, d.Channel }).ToListAsync())
            .ToLookup(d => d.NotificationId, d => d.Channel);
        return [.. notifications.Select(n => new Sent(n.RecipientUserId, n.InChinese().Title, n.InChinese().Body, n.Link, n.EscalationRecordId, [.. channels[n.Id]]))];
    }

    private sealed record Sent(Guid? Recipient, string Title, string Body, string? Link, Guid? EscalationRecordId, List<string> Channels);

    private sealed class SilentChannel(string name) : INotificationChannel
    {
        public string Name => name;

        public Task SendAsync(OutboundNotification notification, NotificationRecipient recipient, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
