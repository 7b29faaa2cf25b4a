using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Inspections;

public class SubmitInspectionRecordTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_check_inside_the_window_is_on_time_and_completes_the_window()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "1#储罐", "液位计完好");
        var window = await site.OpenWindowAsync("液位计完好");
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);

        var result = await InspectionSite.SubmitAsync(database, inspector, InspectionSite.Check(window.Id, note: "液位正常"));

        result.IsLate.ShouldBeFalse();
        result.HiddenDangerId.ShouldBeNull();
        await using var db = database.OwnerContext(TenantScope.System);
        var task = await db.InspectionTasks.SingleAsync(t => t.Id == window.Id);
        (task.Status, task.RecordId).ShouldBe((InspectionTaskStatus.Completed, result.RecordId));
        var record = await db.InspectionRecords.SingleAsync(r => r.Id == result.RecordId);
        (record.Result, record.Note, record.CheckedByName, record.Latitude, record.Channel).ShouldBe(
            (InspectionResult.Normal, "液位正常", "青岛巡检员", 36.07, RecordChannel.MobileWeb));
        record.CheckedByUserId.ShouldBe(inspector.Scope.UserId);
    }

    [Fact]
    public async Task A_window_assigned_to_a_person_is_completed_only_by_that_person()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "4#储罐", "包保责任人检查");
        var window = await site.OpenWindowAsync("包保责任人检查");
        var admin = await InspectionSite.ActorAsync(database, "demo-qd1-admin", Roles.EnterpriseAdmin);
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);
        await AssignAsync(window.Id, "assignee_user_id", admin.Scope.UserId!.Value);

        var refused = await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.SubmitAsync(database, inspector, InspectionSite.Check(window.Id)));
        var result = await InspectionSite.SubmitAsync(database, admin, InspectionSite.Check(window.Id));

        refused.Message.ShouldBe(CoreText.Get("Inspection.NotAssignee"));
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.InspectionTasks.SingleAsync(t => t.Id == window.Id)).RecordId.ShouldBe(result.RecordId);
        (await db.InspectionRecords.CountAsync(r => r.TaskId == window.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_window_assigned_to_a_post_is_refused_to_someone_without_that_post()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "5#储罐", "班长巡检");
        var window = await site.OpenWindowAsync("班长巡检");
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);
        await AssignAsync(window.Id, "assignee_post", "储运班长");

        await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.SubmitAsync(database, inspector, InspectionSite.Check(window.Id)));
    }

    [Fact]
    public async Task The_enterprise_administrator_may_record_for_the_assignee_only_with_a_reason_and_the_record_says_so()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "6#储罐", "代为检查");
        var window = await site.OpenWindowAsync("代为检查");
        var admin = await InspectionSite.ActorAsync(database, "demo-qd1-admin", Roles.EnterpriseAdmin);
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);
        await AssignAsync(window.Id, "assignee_user_id", inspector.Scope.UserId!.Value);

        await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.SubmitAsync(database, admin, InspectionSite.Check(window.Id)));
        var result = await InspectionSite.SubmitAsync(database, admin, InspectionSite.Check(window.Id) with { OnBehalfReason = "责任人住院，厂长指定代查" });

        await using var db = database.OwnerContext(TenantScope.System);
        var record = await db.InspectionRecords.SingleAsync(r => r.Id == result.RecordId);
        (record.CheckedByUserId, record.OnBehalfReason).ShouldBe((admin.Scope.UserId, "责任人住院，厂长指定代查"));
        (await db.AuditEntries.CountAsync(a => a.EntityId == result.RecordId.ToString())).ShouldBe(1);
        await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.SubmitAsync(
            database, inspector, InspectionSite.Check(window.Id) with { OnBehalfReason = "巡检员不能代查" }));
    }

    private async Task AssignAsync(Guid windowId, string column, object value)
    {
        await using var db = database.OwnerContext(TenantScope.System);
#pragma warning disable EF1002 // The column is one of two literal names given by the tests above.
        await db.Database.ExecuteSqlRawAsync($"UPDATE inspection_task SET {column} = {{0}} WHERE id = {{1}}", value, windowId);
#pragma warning restore EF1002
    }

    [Fact]
    public async Task A_check_after_the_window_ended_is_kept_and_flagged_late_and_leaves_the_window_open()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "2#储罐", "呼吸阀畅通");
        var window = await site.OpenWindowAsync("呼吸阀畅通");
        database.Clock.SetUtcNow(window.WindowEnd.AddMinutes(30));
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);

        var result = await InspectionSite.SubmitAsync(database, inspector, InspectionSite.Check(window.Id));

        result.IsLate.ShouldBeTrue();
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.InspectionRecords.SingleAsync(r => r.Id == result.RecordId)).IsLate.ShouldBeTrue();
        var task = await db.InspectionTasks.SingleAsync(t => t.Id == window.Id);
        (task.Status, task.RecordId).ShouldBe((InspectionTaskStatus.Open, null));
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_stores_one_record_even_when_both_arrive_together()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "3#储罐", "防火堤完好");
        var window = await site.OpenWindowAsync("防火堤完好");
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);
        var command = InspectionSite.Check(window.Id, InspectionResult.HiddenDangerFound, "防火堤有裂缝");

        var results = await Task.WhenAll(
            InspectionSite.SubmitAsync(database, inspector, command),
            InspectionSite.SubmitAsync(database, inspector, command));
        var third = await InspectionSite.SubmitAsync(database, inspector, command);

        results[1].ShouldBe(results[0]);
        third.ShouldBe(results[0]);
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.InspectionRecords.CountAsync(r => r.TaskId == window.Id)).ShouldBe(1);
        (await db.HiddenDangers.CountAsync(h => h.RecordId == results[0].RecordId)).ShouldBe(1);
    }

    [Fact]
    public async Task A_submission_id_reused_for_another_window_is_refused_and_that_window_stays_open()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "5#储罐", "呼吸阀完好", "阻火器完好");
        var first = await site.OpenWindowAsync("呼吸阀完好");
        var second = await site.OpenWindowAsync("阻火器完好");
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);
        var normal = InspectionSite.Check(first.Id, InspectionResult.Normal, null);
        await InspectionSite.SubmitAsync(database, inspector, normal);

        var reused = normal with { TaskId = second.Id, Result = InspectionResult.HiddenDangerFound, Note = "阻火器堵塞" };
        var refusal = await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.SubmitAsync(database, inspector, reused));

        refusal.Message.ShouldNotBeNullOrWhiteSpace();
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.InspectionRecords.CountAsync(r => r.TaskId == second.Id)).ShouldBe(0);
        (await db.InspectionTasks.SingleAsync(t => t.Id == second.Id)).Status.ShouldBe(InspectionTaskStatus.Open);
    }

    [Fact]
    public async Task Suspended_cancelled_and_not_yet_started_windows_are_refused()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "4#储罐", "接地完好", "阀门无泄漏");
        var suspended = await site.OpenWindowAsync("接地完好");
        var cancelled = await site.OpenWindowAsync("阀门无泄漏");
        var now = database.Clock.GetUtcNow();
        var later = (await site.WindowsAsync()).First(w => w.WindowStart > now);
        await using (var owner = database.OwnerContext(TenantScope.System))
        {
            await owner.Database.ExecuteSqlAsync($"UPDATE inspection_task SET status = 4 WHERE id = {suspended.Id}");
            await owner.Database.ExecuteSqlAsync($"UPDATE inspection_task SET status = 5 WHERE id = {cancelled.Id}");
        }

        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);

        (await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.SubmitAsync(database, inspector, InspectionSite.Check(suspended.Id))))
            .Message.ShouldBe(CoreText.Get("Inspection.Suspended"));
        (await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.SubmitAsync(database, inspector, InspectionSite.Check(cancelled.Id))))
            .Message.ShouldBe(CoreText.Get("Inspection.Cancelled"));
        (await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.SubmitAsync(database, inspector, InspectionSite.Check(later.Id))))
            .Message.ShouldBe(CoreText.Get("Inspection.NotStarted"));
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.InspectionRecords.CountAsync(r => r.UnitId == site.UnitId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_hidden_danger_found_opens_a_draft_linked_to_the_record_measure_and_unit_with_the_same_photos()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "5#储罐", "罐体无腐蚀");
        var window = await site.OpenWindowAsync("罐体无腐蚀");
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);
        var photo = await InspectionSite.UploadAsync(database, inspector, InspectionSite.TinyPng);

        var result = await InspectionSite.SubmitAsync(database, inspector, InspectionSite.Check(window.Id, InspectionResult.HiddenDangerFound, "罐底板腐蚀", photo));

        result.HiddenDangerId.ShouldNotBeNull();
        await using var db = database.OwnerContext(TenantScope.System);
        var record = await db.InspectionRecords.SingleAsync(r => r.Id == result.RecordId);
        var draft = await db.HiddenDangers.SingleAsync(h => h.Id == result.HiddenDangerId);
        record.HiddenDangerId.ShouldBe(draft.Id);
        (draft.State, draft.RecordId, draft.MeasureId, draft.UnitId).ShouldBe((HiddenDangerState.Draft, record.Id, record.MeasureId, site.UnitId));
        (draft.Name, draft.Description, draft.ReportedByName).ShouldBe(("罐底板腐蚀", "罐底板腐蚀", "青岛巡检员"), "the note names what was found");
        draft.CreatedAt.ShouldBe(record.CreatedAt, "saved together");
        var stored = await db.Photos.SingleAsync(p => p.Id == photo);
        (stored.RecordId, stored.HiddenDangerId).ShouldBe((record.Id, draft.Id));
        (await db.InspectionTasks.SingleAsync(t => t.Id == window.Id)).Status.ShouldBe(InspectionTaskStatus.Completed);

        var shown = await InspectionSite.AsAsync<GetHiddenDangerDraft.Handler, GetHiddenDangerDraft.Draft>(
            database, inspector, h => h.HandleAsync(new GetHiddenDangerDraft.Query(draft.Id), CancellationToken.None));
        (shown.UnitName, shown.PhotoIds.Single()).ShouldBe(("5#储罐", photo));
    }

    [Fact]
    public async Task A_draft_is_edited_by_the_enterprises_people_and_its_name_and_description_are_required()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "6#储罐", "喷淋完好");
        var window = await site.OpenWindowAsync("喷淋完好");
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);
        var draftId = (await InspectionSite.SubmitAsync(database, inspector, InspectionSite.Check(window.Id, InspectionResult.HiddenDangerFound))).HiddenDangerId!.Value;

        await Should.ThrowAsync<FluentValidation.ValidationException>(() => EditAsync(inspector, new(draftId, "", "", HiddenDangerLevel.General)));
        await Should.ThrowAsync<FluentValidation.ValidationException>(() => EditAsync(inspector, new(draftId, new string('名', 301), "描述", HiddenDangerLevel.General)));
        await EditAsync(inspector, new(draftId, "喷淋头堵塞", "3 个喷淋头堵塞", HiddenDangerLevel.Major));

        await using var db = database.OwnerContext(TenantScope.System);
        var draft = await db.HiddenDangers.SingleAsync(h => h.Id == draftId);
        (draft.Name, draft.Description, draft.Level).ShouldBe(("喷淋头堵塞", "3 个喷淋头堵塞", HiddenDangerLevel.Major));
    }

    [Fact]
    public async Task Regulators_cannot_submit_records()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "7#储罐", "人孔密封");
        var window = await site.OpenWindowAsync("人孔密封");
        var regulator = await InspectionSite.ActorAsync(database, "qingdao", Roles.CityReviewer);

        await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.SubmitAsync(database, regulator, InspectionSite.Check(window.Id)));
    }

    [Fact]
    public async Task The_not_inspected_result_is_the_platforms_own_and_is_refused()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "8#储罐", "标识清晰");
        var window = await site.OpenWindowAsync("标识清晰");
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);

        await Should.ThrowAsync<FluentValidation.ValidationException>(
            () => InspectionSite.SubmitAsync(database, inspector, InspectionSite.Check(window.Id, InspectionResult.NotInspected)));
    }

    private Task<bool> EditAsync(Actor actor, EditHiddenDangerDraft.Command command) =>
        InspectionSite.AsAsync<EditHiddenDangerDraft.Handler, bool>(database, actor, async h =>
        {
            await h.HandleAsync(actor, command, CancellationToken.None);
            return true;
        });
}
