using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Localization;
using DualPrevention.IntegrationTests.Escalations;
using DualPrevention.Testing;

namespace DualPrevention.IntegrationTests.HiddenDangers;

/// <summary>
/// Who may judge a rectification, and that every refusal names its real reason rather than a bare
/// "no permission".
/// </summary>
public sealed class HiddenDangerRefusalTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private static readonly RemediationPlan CompletePlan = new("消除泄漏", "加装检测报警", "20万元已落实", "设备部", "30日内", "停车并设警戒", "加强巡检", true);

    private readonly HiddenDangerDriver _driver = new(database);
    private Actor _admin = null!;
    private Actor _inspector = null!;
    private Actor _safetyOfficer = null!;
    private Actor _qingdao = null!;
    private Actor _province = null!;

    public async Task InitializeAsync()
    {
        _admin = await _driver.ActorAsync("demo-qd1-admin");
        _inspector = await _driver.ActorAsync("demo-qd1-inspector");
        await database.EnsureSafetyOfficerAsync(database.Qd1, "demo-qd1-safety");
        _safetyOfficer = await _driver.ActorAsync("demo-qd1-safety");
        _qingdao = await _driver.ActorAsync("qingdao");
        _province = await _driver.ActorAsync("province");
    }

    public async Task DisposeAsync() => await _driver.DisposeAsync();

    [Fact]
    public async Task Whoever_submitted_the_rectification_can_neither_accept_nor_reject_it()
    {
        var id = await _driver.ReportAsync(_inspector);
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(7));
        await _driver.RectifyAsync(_admin, id);

        (await _driver.GetAsync(_admin, id)).AllowedActions.ShouldNotContain(a => a == HiddenDangerAction.Accept || a == HiddenDangerAction.RejectAcceptance);
        await RefusedAsync(() => _driver.AcceptAsync(_admin, id), "HiddenDanger.AccepterIsSubmitter");
        await RefusedAsync(() => RejectAsync(_admin, id), "HiddenDanger.AccepterIsSubmitter");

        (await _driver.GetAsync(_safetyOfficer, id)).AllowedActions.ShouldContain(HiddenDangerAction.Accept);
        await _driver.AcceptAsync(_safetyOfficer, id);
        var accepted = await _driver.GetAsync(_admin, id);
        accepted.State.ShouldBe(HiddenDangerState.Accepted);
        accepted.AccepterName.ShouldBe("安全管理员");
    }

    [Fact]
    public async Task The_rectifier_is_told_the_accepter_may_not_be_the_rectifier()
    {
        var id = await _driver.ReportAsync(_inspector);
        await _driver.ConfirmAsync(_admin, id, _admin.Scope.UserId!.Value, _driver.Today.AddDays(7));
        await _driver.RectifyAsync(_admin, id);

        await RefusedAsync(() => _driver.AcceptAsync(_admin, id), "HiddenDanger.AccepterIsRectifier");
        await RefusedAsync(() => RejectAsync(_admin, id), "HiddenDanger.AccepterIsRectifier");
    }

    [Fact]
    public async Task Posting_twice_is_refused_as_already_posted()
    {
        var id = await _driver.ReportAsync(_inspector, HiddenDangerLevel.Major, new MajorGrading([12], null));
        await PostAsync(_qingdao, id, PostingLevel.City);

        (await _driver.GetAsync(_province, id)).AllowedActions.ShouldNotContain(HiddenDangerAction.Post);
        await RefusedAsync(() => PostAsync(_province, id, PostingLevel.Province), "HiddenDanger.AlreadyPosted");
        await RefusedAsync(() => PostAsync(_qingdao, id, PostingLevel.City), "HiddenDanger.AlreadyPosted");
    }

    [Fact]
    public async Task Extension_refusals_say_whether_a_request_is_pending()
    {
        var id = await _driver.ReportAsync(_inspector);
        var deadline = _driver.Today.AddDays(7);
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, deadline);
        await RefusedAsync(() => DecideAsync(_admin, id, Guid.NewGuid()), "HiddenDanger.NoPendingExtension");

        await RequestAsync(_inspector, id, deadline.AddDays(10));
        (await _driver.GetAsync(_inspector, id)).AllowedActions.ShouldNotContain(HiddenDangerAction.RequestExtension);
        await RefusedAsync(() => RequestAsync(_inspector, id, deadline.AddDays(20)), "HiddenDanger.ExtensionPending");
    }

    [Fact]
    public async Task The_enterprise_is_told_that_the_posting_bureau_decides_extensions_and_closes_out()
    {
        var id = await _driver.ReportAsync(_inspector, HiddenDangerLevel.Major, new MajorGrading([12], null));
        await PostAsync(_qingdao, id, PostingLevel.City);
        var deadline = _driver.Today.AddDays(30);
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, deadline, HiddenDangerLevel.Major);
        var request = await RequestAsync(_admin, id, deadline.AddDays(30));
        await RefusedAsync(() => DecideAsync(_admin, id, request), "HiddenDanger.PostedExtensionByBureau");
        await DecideAsync(_qingdao, id, request);

        await RectifyAndAcceptMajorAsync(id);
        await RefusedAsync(() => CloseOutAsync(_admin, id), "HiddenDanger.PostedCloseOutByBureau");
        await CloseOutAsync(_qingdao, id);
    }

    [Fact]
    public async Task Anyone_but_the_enterprise_admin_is_told_that_the_principal_closes_out_an_unposted_major_one()
    {
        var id = await _driver.ReportAsync(_inspector, HiddenDangerLevel.Major, new MajorGrading([12], null));
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(30), HiddenDangerLevel.Major);
        await RectifyAndAcceptMajorAsync(id);

        await RefusedAsync(() => CloseOutAsync(_safetyOfficer, id), "HiddenDanger.CloseOutByPrincipal");
        await RefusedAsync(() => CloseOutAsync(_qingdao, id), "HiddenDanger.CloseOutByPrincipal");
        await CloseOutAsync(_admin, id);
    }

    private static async Task RefusedAsync(Func<Task> action, string key)
    {
        var refusal = await Should.ThrowAsync<DomainRuleException>(action);
        refusal.Message.ShouldBe(CoreText.Get(key));
    }

    private async Task RectifyAndAcceptMajorAsync(Guid id)
    {
        await _driver.RunAsync<SaveRemediationPlan.Handler, bool>(_admin, h => h.HandleAsync(_admin, new(id, CompletePlan), default));
        await _driver.RectifyAsync(_inspector, id);
        await _driver.AcceptAsync(_admin, id);
    }

    private Task RejectAsync(Actor actor, Guid id) =>
        _driver.RunAsync<RejectAcceptance.Handler>(actor, h => h.HandleAsync(actor, new(id, "照片不清楚"), default));

    private Task PostAsync(Actor actor, Guid id, PostingLevel level) =>
        _driver.RunAsync<PostHiddenDanger.Handler>(actor, h => h.HandleAsync(actor, new(id, new Posting(level, "青岛市安委会", "青安委督〔2026〕2号", _driver.Today.AddDays(60))), default));

    private Task<Guid> RequestAsync(Actor actor, Guid id, DateOnly deadline) =>
        _driver.RunAsync<RequestDeadlineExtension.Handler, Guid>(actor, h => h.HandleAsync(actor, new(id, deadline, "备件未到货"), default));

    private Task DecideAsync(Actor actor, Guid id, Guid requestId) =>
        _driver.RunAsync<DecideDeadlineExtension.Handler>(actor, h => h.HandleAsync(actor, new(id, requestId, true, "同意"), default));

    private Task CloseOutAsync(Actor actor, Guid id) =>
        _driver.RunAsync<CloseOutHiddenDanger.Handler>(actor, h => h.HandleAsync(actor, new(id), default));
}
