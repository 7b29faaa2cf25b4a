using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Escalations;
using DualPrevention.IntegrationTests.Inspections;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.HiddenDangers;

/// <summary>
/// A check answered 存在隐患 opens a draft; the inspector submits it from the phone to 待确认 and the enterprise's
/// confirmers (its administrators and safety officers) are told (docs/domain/dual-prevention.md#64-life-cycle).
/// </summary>
public sealed class DraftSubmissionTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task An_inspectors_draft_is_submitted_with_its_edits_to_pending_confirmation_and_every_confirmer_is_notified()
    {
        await database.EnsureSafetyOfficerAsync(database.Qd1, "demo-qd1-safety");
        var (inspector, draftId) = await DraftAsync("7#储罐", "呼吸阀完好");

        await SubmitAsync(inspector, new(draftId, "呼吸阀锈死", "7#储罐呼吸阀锈死无法动作", HiddenDangerLevel.General, null));

        await using var db = database.OwnerContext(TenantScope.System);
        var hiddenDanger = await db.HiddenDangers.SingleAsync(h => h.Id == draftId);
        (hiddenDanger.State, hiddenDanger.Name, hiddenDanger.Description).ShouldBe((HiddenDangerState.PendingConfirmation, "呼吸阀锈死", "7#储罐呼吸阀锈死无法动作"));
        hiddenDanger.RegisteredAt.ShouldNotBeNull();
        var notified = await db.Notifications.Where(n => n.Link == $"hidden-dangers/{draftId}").ToListAsync();
        var confirmers = await ConfirmersAsync(db);
        notified.Select(n => n.RecipientUserId).ShouldBe(confirmers, ignoreOrder: true);
        notified.Select(n => n.InChinese()).ShouldAllBe(n => n.Title == "新隐患待确认" && n.Body.Contains("呼吸阀锈死"));
        notified.ShouldNotContain(n => n.RecipientUserId == inspector.Scope.UserId);
    }

    [Fact]
    public async Task A_major_draft_is_submitted_only_with_its_reason()
    {
        var (inspector, draftId) = await DraftAsync("8#储罐", "液位报警完好");

        await Should.ThrowAsync<DomainRuleException>(() => SubmitAsync(inspector, new(draftId, "液位报警失效", "高液位报警不动作", HiddenDangerLevel.Major, null)));
        await SubmitAsync(inspector, new(draftId, "液位报警失效", "高液位报警不动作", HiddenDangerLevel.Major, "高液位联锁失效，可能导致冒罐"));

        await using var db = database.OwnerContext(TenantScope.System);
        var hiddenDanger = await db.HiddenDangers.SingleAsync(h => h.Id == draftId);
        (hiddenDanger.State, hiddenDanger.Level, hiddenDanger.MajorReason).ShouldBe((HiddenDangerState.PendingConfirmation, HiddenDangerLevel.Major, "高液位联锁失效，可能导致冒罐"));
        (await db.MajorHiddenDangerCases.CountAsync(c => c.HiddenDangerId == draftId)).ShouldBe(1, "a major one is reported to the bureau when registered");
    }

    [Fact]
    public async Task A_submitted_draft_cannot_be_submitted_again_and_another_enterprise_cannot_see_it()
    {
        var (inspector, draftId) = await DraftAsync("9#储罐", "静电接地完好");
        var command = new SubmitHiddenDangerDraft.Command(draftId, "接地线断开", "静电接地线断开", HiddenDangerLevel.General, null);
        await SubmitAsync(inspector, command);

        await Should.ThrowAsync<DomainRuleException>(() => SubmitAsync(inspector, command));
        var foreign = await InspectionSite.ActorAsync(database, "demo-wf1-inspector", Roles.Inspector);
        await Should.ThrowAsync<NotFoundException>(() => SubmitAsync(foreign, command));
        var blank = await Should.ThrowAsync<FluentValidation.ValidationException>(() => SubmitAsync(inspector, command with { Name = " " }));
        blank.Errors.ShouldContain(e => e.PropertyName == "Name");
    }

    private async Task<(Actor Inspector, Guid DraftId)> DraftAsync(string unit, string check)
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, unit, check);
        var window = await site.OpenWindowAsync(check);
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);
        var result = await InspectionSite.SubmitAsync(database, inspector, InspectionSite.Check(window.Id, InspectionResult.HiddenDangerFound, "发现问题"));
        return (inspector, result.HiddenDangerId!.Value);
    }

    private Task<bool> SubmitAsync(Actor actor, SubmitHiddenDangerDraft.Command command) =>
        InspectionSite.AsAsync<SubmitHiddenDangerDraft.Handler, bool>(database, actor, async h =>
        {
            await h.HandleAsync(actor, command, CancellationToken.None);
            return true;
        });

    /// <summary>The enterprise's administrators and safety officers.</summary>
    private async Task<List<Guid>> ConfirmersAsync(Core.Data.DualPreventionDbContext db) =>
        await (from user in db.Users
               where user.EnterpriseId == database.Qd1
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where role.Name == Roles.EnterpriseAdmin || role.Name == Roles.SafetyOfficer
               select user.Id).Distinct().ToListAsync();
}
