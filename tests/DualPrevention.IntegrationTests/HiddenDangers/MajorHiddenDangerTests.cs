using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.HiddenDangers;

/// <summary>Major hidden dangers (docs/domain/dual-prevention.md#62-major-hidden-danger-criteria, docs/domain/dual-prevention.md#7-major-hidden-dangers): criteria, the case reported at once, the plan, posting and close-out.</summary>
public sealed class MajorHiddenDangerTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private static readonly RemediationPlan CompletePlan = new("消除泄漏", "加装检测报警", "20万元已落实", "设备部", "30日内", "停车并设警戒", "加强巡检", true);

    private readonly HiddenDangerDriver _driver = new(database);
    private Actor _admin = null!;
    private Actor _inspector = null!;
    private Actor _qingdao = null!;
    private Actor _weifang = null!;
    private Actor _province = null!;

    public async Task InitializeAsync()
    {
        _admin = await _driver.ActorAsync("demo-qd1-admin");
        _inspector = await _driver.ActorAsync("demo-qd1-inspector");
        _qingdao = await _driver.ActorAsync("qingdao");
        _weifang = await _driver.ActorAsync("weifang");
        _province = await _driver.ActorAsync("province");
    }

    public async Task DisposeAsync() => await _driver.DisposeAsync();

    [Fact]
    public async Task A_major_report_needs_a_known_criterion_or_a_reason()
    {
        await Should.ThrowAsync<DomainRuleException>(() => _driver.ReportAsync(_inspector, HiddenDangerLevel.Major));
        await Should.ThrowAsync<DomainRuleException>(() => _driver.ReportAsync(_inspector, HiddenDangerLevel.Major, new MajorGrading([21], null)));
        var id = await _driver.ReportAsync(_inspector, HiddenDangerLevel.Major, new MajorGrading([], "外部因素无法自行消除"));
        (await _driver.GetAsync(_admin, id)).MajorReason.ShouldBe("外部因素无法自行消除");
    }

    [Fact]
    public async Task A_posted_major_hidden_danger_is_closed_out_only_by_the_posting_bureau()
    {
        var id = await _driver.ReportAsync(_inspector, HiddenDangerLevel.Major, new MajorGrading([12, 15], null));
        var opened = await _driver.GetAsync(_qingdao, id);
        opened.Case!.ReportedToRegulatorAt.ShouldBe(database.Clock.GetUtcNow());
        opened.AllowedActions.ShouldContain(HiddenDangerAction.Post);

        await Should.ThrowAsync<NotFoundException>(() => PostAsync(_weifang, id, PostingLevel.City));
        await Should.ThrowAsync<DomainRuleException>(() => PostAsync(_qingdao, id, PostingLevel.Province));
        await Should.ThrowAsync<DomainRuleException>(() => PostAsync(_admin, id, PostingLevel.City));
        await PostAsync(_qingdao, id, PostingLevel.City);
        await Should.ThrowAsync<DomainRuleException>(() => PostAsync(_province, id, PostingLevel.Province));

        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(30), HiddenDangerLevel.Major);
        await Should.ThrowAsync<DomainRuleException>(() => _driver.RectifyAsync(_inspector, id));
        await _driver.RunAsync<SaveRemediationPlan.Handler, bool>(_admin, h => h.HandleAsync(_admin, new(id, CompletePlan with { TimeLimit = null }), default));
        await Should.ThrowAsync<DomainRuleException>(() => _driver.RectifyAsync(_inspector, id));
        (await _driver.RunAsync<SaveRemediationPlan.Handler, bool>(_admin, h => h.HandleAsync(_admin, new(id, CompletePlan), default))).ShouldBeTrue();
        await _driver.RectifyAsync(_inspector, id);
        await _driver.AcceptAsync(_admin, id);
        (await _driver.GetAsync(_admin, id)).State.ShouldBe(HiddenDangerState.Accepted);

        await Should.ThrowAsync<DomainRuleException>(() => CloseOutAsync(_admin, id));
        await Should.ThrowAsync<DomainRuleException>(() => CloseOutAsync(_province, id));
        await CloseOutAsync(_qingdao, id);
        var closed = await _driver.GetAsync(_admin, id);
        closed.State.ShouldBe(HiddenDangerState.ClosedOut);
        closed.ClosedOutByName.ShouldBe("青岛市应急局审核员");
        closed.Case!.PostingNoticeNo.ShouldBe("青安委督〔2026〕1号");
    }

    [Fact]
    public async Task An_extension_of_a_posted_major_one_is_decided_by_the_posting_bureau()
    {
        var id = await _driver.ReportAsync(_inspector, HiddenDangerLevel.Major, new MajorGrading([12], null));
        await PostAsync(_qingdao, id, PostingLevel.City);
        var deadline = _driver.Today.AddDays(30);
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, deadline, HiddenDangerLevel.Major);
        var request = await _driver.RunAsync<RequestDeadlineExtension.Handler, Guid>(_admin, h => h.HandleAsync(_admin, new(id, deadline.AddDays(30), "设备订货周期长"), default));
        await Should.ThrowAsync<DomainRuleException>(() => _driver.RunAsync<DecideDeadlineExtension.Handler>(_admin, h => h.HandleAsync(_admin, new(id, request, true, null), default)));
        await _driver.RunAsync<DecideDeadlineExtension.Handler>(_qingdao, h => h.HandleAsync(_qingdao, new(id, request, true, "同意"), default));
        (await _driver.GetAsync(_admin, id)).Deadline.ShouldBe(deadline.AddDays(30));
    }

    [Fact]
    public async Task A_hidden_danger_confirmed_as_major_opens_its_case_and_an_unposted_one_is_closed_out_by_the_enterprise_admin()
    {
        var id = await _driver.ReportAsync(_inspector);
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(30), HiddenDangerLevel.Major, new MajorGrading([20], null));
        var confirmed = await _driver.GetAsync(_qingdao, id);
        confirmed.Case.ShouldNotBeNull();
        confirmed.MajorCriterionNos.ShouldBe([20]);

        await _driver.RunAsync<SaveRemediationPlan.Handler, bool>(_admin, h => h.HandleAsync(_admin, new(id, CompletePlan), default));
        await _driver.RunAsync<RecordWorkersCongressReport.Handler>(_admin, h => h.HandleAsync(_admin, new(id), default));
        await _driver.RectifyAsync(_inspector, id);
        await _driver.AcceptAsync(_admin, id);
        await Should.ThrowAsync<DomainRuleException>(() => CloseOutAsync(_inspector, id));
        await Should.ThrowAsync<DomainRuleException>(() => CloseOutAsync(_qingdao, id));
        await CloseOutAsync(_admin, id);
        var closed = await _driver.GetAsync(_admin, id);
        closed.State.ShouldBe(HiddenDangerState.ClosedOut);
        closed.Case!.ReportedToWorkersCongressAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Every_transition_is_audited()
    {
        var id = await _driver.ReportAsync(_inspector, HiddenDangerLevel.Major, new MajorGrading([12], null));
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(30), HiddenDangerLevel.Major);
        await using var db = database.OwnerContext(TenantScope.System);
        var audited = await db.AuditEntries.Where(a => a.EntityId == id.ToString()).CountAsync();
        audited.ShouldBeGreaterThanOrEqualTo(3);
    }

    private Task PostAsync(Actor actor, Guid id, PostingLevel level) =>
        _driver.RunAsync<PostHiddenDanger.Handler>(actor, h => h.HandleAsync(actor, new(id, new Posting(level, "青岛市安委会", "青安委督〔2026〕1号", _driver.Today.AddDays(60))), default));

    private Task CloseOutAsync(Actor actor, Guid id) =>
        _driver.RunAsync<CloseOutHiddenDanger.Handler>(actor, h => h.HandleAsync(actor, new(id), default));
}
