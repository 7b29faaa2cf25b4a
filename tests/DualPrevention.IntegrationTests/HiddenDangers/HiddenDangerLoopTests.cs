using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Photos;
using DualPrevention.Testing;

namespace DualPrevention.IntegrationTests.HiddenDangers;

/// <summary>The closed loop (docs/domain/dual-prevention.md#64-life-cycle, docs/domain/dual-prevention.md#7-major-hidden-dangers) on PostgreSQL, as demo accounts, under a controlled clock.</summary>
public sealed class HiddenDangerLoopTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly HiddenDangerDriver _driver = new(database);
    private Actor _admin = null!;
    private Actor _inspector = null!;
    private Actor _qingdao = null!;
    private Actor _weifang = null!;
    private Actor _wf1Admin = null!;

    public async Task InitializeAsync()
    {
        _admin = await _driver.ActorAsync("demo-qd1-admin");
        _inspector = await _driver.ActorAsync("demo-qd1-inspector");
        _qingdao = await _driver.ActorAsync("qingdao");
        _weifang = await _driver.ActorAsync("weifang");
        _wf1Admin = await _driver.ActorAsync("demo-wf1-admin");
    }

    public async Task DisposeAsync() => await _driver.DisposeAsync();

    [Fact]
    public async Task A_general_hidden_danger_goes_from_report_through_a_rejection_to_acceptance()
    {
        var id = await _driver.ReportAsync(_inspector);
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(7));
        (await _driver.GetAsync(_inspector, id)).AllowedActions.ShouldBe(
            [HiddenDangerAction.SubmitRectification, HiddenDangerAction.RequestExtension, HiddenDangerAction.AddPhoto], ignoreOrder: true);
        await _driver.RectifyAsync(_inspector, id);
        await _driver.RunAsync<RejectAcceptance.Handler>(_admin, h => h.HandleAsync(_admin, new(id, "照片看不清"), default));
        database.Clock.Advance(TimeSpan.FromHours(1));
        await Should.ThrowAsync<DomainRuleException>(() => _driver.RunAsync<SubmitRectification.Handler>(_inspector, h => h.HandleAsync(_inspector, new(id, "没拍新照片"), default)));
        await _driver.RectifyAsync(_inspector, id, "重新更换并拍照");
        await _driver.AcceptAsync(_admin, id);

        var detail = await _driver.GetAsync(_admin, id);
        detail.State.ShouldBe(HiddenDangerState.Accepted);
        detail.AcceptanceRejections.ShouldBe(1);
        detail.AccepterName.ShouldNotBe(detail.RectifierName);
        detail.RemediationType.ShouldBe(RemediationType.FixByDeadline);
        detail.Timeline.Select(e => e.Action).ShouldBe(["Register", "Confirm", "SubmitRectification", "RejectAcceptance", "SubmitRectification", "Accept"]);
        detail.Photos.Count(p => p.Kind == PhotoKind.AfterRectification).ShouldBe(2);
        detail.AllowedActions.ShouldBeEmpty();
    }

    [Fact]
    public async Task Rectification_without_an_after_photo_is_refused()
    {
        var id = await _driver.ReportAsync(_inspector);
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(7));
        await _driver.UploadAsync(_inspector, id, PhotoKind.Finding);
        await Should.ThrowAsync<DomainRuleException>(() => _driver.RunAsync<SubmitRectification.Handler>(_inspector, h => h.HandleAsync(_inspector, new(id, "已修"), default)));
    }

    [Fact]
    public async Task A_deadline_in_the_past_and_a_rectifier_of_another_enterprise_are_refused()
    {
        var id = await _driver.ReportAsync(_inspector);
        await Should.ThrowAsync<DomainRuleException>(() => _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(-1)));
        await Should.ThrowAsync<DomainRuleException>(() => _driver.ConfirmAsync(_admin, id, _wf1Admin.Scope.UserId!.Value, _driver.Today.AddDays(7)));
        (await _driver.GetAsync(_admin, id)).State.ShouldBe(HiddenDangerState.PendingConfirmation);
    }

    [Fact]
    public async Task The_accepter_may_not_be_the_rectifier()
    {
        var id = await _driver.ReportAsync(_inspector);
        await _driver.ConfirmAsync(_admin, id, _admin.Scope.UserId!.Value, _driver.Today.AddDays(7));
        await _driver.RectifyAsync(_admin, id);
        (await _driver.GetAsync(_admin, id)).AllowedActions.ShouldNotContain(HiddenDangerAction.Accept);
        await Should.ThrowAsync<DomainRuleException>(() => _driver.AcceptAsync(_admin, id));
        (await _driver.GetAsync(_admin, id)).State.ShouldBe(HiddenDangerState.PendingAcceptance);
    }

    [Fact]
    public async Task An_inspector_cannot_confirm_or_accept()
    {
        var id = await _driver.ReportAsync(_inspector);
        await Should.ThrowAsync<DomainRuleException>(() => _driver.ConfirmAsync(_inspector, id, _admin.Scope.UserId!.Value, _driver.Today.AddDays(7)));
        await Should.ThrowAsync<DomainRuleException>(() => _driver.RunAsync<InvalidateHiddenDanger.Handler>(_inspector, h => h.HandleAsync(_inspector, new(id, "不是"), default)));
    }

    [Fact]
    public async Task Invalidation_ends_a_pending_report_with_its_reason()
    {
        var id = await _driver.ReportAsync(_inspector);
        await _driver.RunAsync<InvalidateHiddenDanger.Handler>(_admin, h => h.HandleAsync(_admin, new(id, "属于正常工况"), default));
        var detail = await _driver.GetAsync(_admin, id);
        detail.State.ShouldBe(HiddenDangerState.Invalidated);
        detail.InvalidationReason.ShouldBe("属于正常工况");
        await Should.ThrowAsync<DomainRuleException>(() => _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(7)));
    }

    [Fact]
    public async Task Fix_on_the_spot_registers_and_accepts_in_one_step()
    {
        var id = await _driver.ReportAsync(_inspector);
        await Should.ThrowAsync<DomainRuleException>(() => _driver.RunAsync<FixHiddenDangerOnSpot.Handler>(_admin, h => h.HandleAsync(_admin, new(id, "当场紧固", _admin.Scope.UserId!.Value, null), default)));
        await _driver.RunAsync<FixHiddenDangerOnSpot.Handler>(_admin, h => h.HandleAsync(_admin, new(id, "当场紧固", _inspector.Scope.UserId!.Value, "已确认"), default));
        var detail = await _driver.GetAsync(_admin, id);
        detail.State.ShouldBe(HiddenDangerState.Accepted);
        detail.RemediationType.ShouldBe(RemediationType.FixOnSpot);
        detail.AcceptedAt.ShouldNotBeNull();
        detail.Timeline.Select(e => e.Action).ShouldBe(["Register", "FixOnSpot"]);
    }

    [Fact]
    public async Task An_approved_extension_moves_the_deadline_and_a_rejected_one_does_not()
    {
        var id = await _driver.ReportAsync(_inspector);
        var deadline = _driver.Today.AddDays(7);
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, deadline);
        await Should.ThrowAsync<DomainRuleException>(() => RequestAsync(id, deadline));
        var first = await RequestAsync(id, deadline.AddDays(10));
        await Should.ThrowAsync<DomainRuleException>(() => RequestAsync(id, deadline.AddDays(20)));
        await Should.ThrowAsync<DomainRuleException>(() => DecideAsync(_inspector, id, first, approve: false));
        await DecideAsync(_admin, id, first, approve: false);
        (await _driver.GetAsync(_admin, id)).Deadline.ShouldBe(deadline);

        var second = await RequestAsync(id, deadline.AddDays(20));
        await DecideAsync(_admin, id, second, approve: true);
        var detail = await _driver.GetAsync(_admin, id);
        detail.Deadline.ShouldBe(deadline.AddDays(20));
        detail.ExtensionRequests.Select(r => r.Decision).ShouldBe([ExtensionDecision.Rejected, ExtensionDecision.Approved]);
    }

    [Fact]
    public async Task Overdue_is_derived_from_the_deadline_and_clears_on_acceptance()
    {
        var id = await _driver.ReportAsync(_inspector);
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(1));
        (await _driver.GetAsync(_admin, id)).IsOverdue.ShouldBeFalse();
        database.Clock.Advance(TimeSpan.FromDays(2));
        (await _driver.GetAsync(_admin, id)).IsOverdue.ShouldBeTrue();
        await _driver.RectifyAsync(_inspector, id);
        await _driver.AcceptAsync(_admin, id);
        (await _driver.GetAsync(_admin, id)).IsOverdue.ShouldBeFalse();
    }

    [Fact]
    public async Task Another_enterprise_and_another_city_get_not_found()
    {
        var id = await _driver.ReportAsync(_inspector);
        await Should.ThrowAsync<NotFoundException>(() => _driver.GetAsync(_wf1Admin, id));
        await Should.ThrowAsync<NotFoundException>(() => _driver.ConfirmAsync(_wf1Admin, id, _wf1Admin.Scope.UserId!.Value, _driver.Today.AddDays(7)));
        await Should.ThrowAsync<NotFoundException>(() => _driver.GetAsync(_weifang, id));
        (await _driver.GetAsync(_qingdao, id)).AllowedActions.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_city_reviewer_records_a_regulator_finding_only_in_its_own_city()
    {
        var command = new ReportHiddenDangerAsRegulator.Command(database.Qd1, "ZF-2026-001", HiddenDangerDriver.Report());
        var id = await _driver.RunAsync<ReportHiddenDangerAsRegulator.Handler, Guid>(_qingdao, h => h.HandleAsync(_qingdao, command, default));
        var detail = await _driver.GetAsync(_admin, id);
        detail.Origin.ShouldBe(HiddenDangerOrigin.RegulatorInspection);
        detail.EnforcementId.ShouldBe("ZF-2026-001");
        detail.State.ShouldBe(HiddenDangerState.PendingConfirmation);
        await Should.ThrowAsync<NotFoundException>(() => _driver.RunAsync<ReportHiddenDangerAsRegulator.Handler, Guid>(_qingdao, h => h.HandleAsync(_qingdao, command with { EnterpriseId = database.Wf1 }, default)));
        await Should.ThrowAsync<DomainRuleException>(() => _driver.RunAsync<ReportHiddenDangerAsRegulator.Handler, Guid>(_admin, h => h.HandleAsync(_admin, command, default)));
    }

    private Task<Guid> RequestAsync(Guid id, DateOnly deadline) =>
        _driver.RunAsync<RequestDeadlineExtension.Handler, Guid>(_inspector, h => h.HandleAsync(_inspector, new(id, deadline, "备件未到货"), default));

    private Task DecideAsync(Actor actor, Guid id, Guid requestId, bool approve) =>
        _driver.RunAsync<DecideDeadlineExtension.Handler>(actor, h => h.HandleAsync(actor, new(id, requestId, approve, null), default));
}
