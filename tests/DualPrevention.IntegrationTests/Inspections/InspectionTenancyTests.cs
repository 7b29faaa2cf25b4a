using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Photos;
using DualPrevention.Testing;

namespace DualPrevention.IntegrationTests.Inspections;

public class InspectionTenancyTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Another_enterprises_task_unit_photo_and_draft_are_not_found()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "1#反应釜", "搅拌正常");
        var window = await site.OpenWindowAsync("搅拌正常");
        var qd1 = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);
        var wf1 = await InspectionSite.ActorAsync(database, "demo-wf1-admin", Roles.EnterpriseAdmin);
        var photo = await InspectionSite.UploadAsync(database, qd1, InspectionSite.TinyPng);
        var draftId = (await InspectionSite.SubmitAsync(database, qd1, InspectionSite.Check(window.Id, InspectionResult.HiddenDangerFound, "泄漏", photo))).HiddenDangerId!.Value;
        var foreignPhoto = await InspectionSite.UploadAsync(database, qd1, InspectionSite.TinyPng);
        var wf1Site = await InspectionSite.PrepareAsync(database, database.Wf1, "潍坊1#罐", "液位正常");
        var wf1Window = await wf1Site.OpenWindowAsync("液位正常");

        await Should.ThrowAsync<NotFoundException>(() => InspectionSite.SubmitAsync(database, wf1, InspectionSite.Check(window.Id)));
        await Should.ThrowAsync<NotFoundException>(() => InspectionSite.AsAsync<ListUnitTasks.Handler, UnitTasks>(
            database, wf1, h => h.HandleAsync(wf1, new ListUnitTasks.Query(site.UnitId), CancellationToken.None)));
        await Should.ThrowAsync<NotFoundException>(() => InspectionSite.AsAsync<GetPhoto.Handler, GetPhoto.PhotoFile>(
            database, wf1, h => h.HandleAsync(new GetPhoto.Query(photo), CancellationToken.None)));
        await Should.ThrowAsync<NotFoundException>(() => InspectionSite.AsAsync<GetHiddenDangerDraft.Handler, GetHiddenDangerDraft.Draft>(
            database, wf1, h => h.HandleAsync(new GetHiddenDangerDraft.Query(draftId), CancellationToken.None)));
        await Should.ThrowAsync<NotFoundException>(() => InspectionSite.AsAsync<EditHiddenDangerDraft.Handler, bool>(database, wf1, async h =>
        {
            await h.HandleAsync(wf1, new EditHiddenDangerDraft.Command(draftId, "改", "改", HiddenDangerLevel.Major), CancellationToken.None);
            return true;
        }));
        await Should.ThrowAsync<NotFoundException>(
            () => InspectionSite.SubmitAsync(database, wf1, InspectionSite.Check(wf1Window.Id, InspectionResult.Normal, null, foreignPhoto)));
        (await InspectionSite.AsAsync<ListMyTasks.Handler, IReadOnlyList<UnitTasks>>(database, wf1, h => h.HandleAsync(wf1, CancellationToken.None)))
            .ShouldNotContain(u => u.UnitId == site.UnitId);
    }

    [Fact]
    public async Task A_photo_already_attached_to_a_record_cannot_be_claimed_by_another_submission()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd2, "2#反应釜", "温度正常", "压力正常");
        var qd2 = await InspectionSite.ActorAsync(database, "demo-qd2-inspector", Roles.Inspector);
        var photo = await InspectionSite.UploadAsync(database, qd2, InspectionSite.TinyPng);
        await InspectionSite.SubmitAsync(database, qd2, InspectionSite.Check((await site.OpenWindowAsync("温度正常")).Id, InspectionResult.Normal, null, photo));

        var second = await site.OpenWindowAsync("压力正常");

        await Should.ThrowAsync<NotFoundException>(
            () => InspectionSite.SubmitAsync(database, qd2, InspectionSite.Check(second.Id, InspectionResult.Normal, null, photo)));
    }
}
