using System.Text;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Photos;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Inspections;

public class UploadPhotoTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_png_is_stored_outside_the_database_and_read_back_with_its_sniffed_type()
    {
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);

        var id = await InspectionSite.UploadAsync(database, inspector, InspectionSite.TinyPng);

        await using var db = database.OwnerContext(TenantScope.System);
        var row = await db.Photos.SingleAsync(p => p.Id == id);
        (row.EnterpriseId, row.ContentType, row.Size, row.RecordId, row.UploadedByUserId).ShouldBe(
            (database.Qd1, "image/png", InspectionSite.TinyPng.Length, null, inspector.Scope.UserId));
        Directory.GetFiles(database.PhotoDirectory, row.StorageKey, SearchOption.AllDirectories).Length.ShouldBe(1);
        var file = await InspectionSite.AsAsync<GetPhoto.Handler, GetPhoto.PhotoFile>(
            database, inspector, h => h.HandleAsync(new GetPhoto.Query(id), CancellationToken.None));
        await using var content = file.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        file.ContentType.ShouldBe("image/png");
        copy.ToArray().ShouldBe(InspectionSite.TinyPng);
    }

    [Fact]
    public async Task A_text_file_renamed_to_jpg_and_a_photo_over_10_MB_are_refused_and_leave_no_row()
    {
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd2-inspector", Roles.Inspector);
        var tooLarge = new byte[PhotoContent.MaxBytes + 1];
        InspectionSite.TinyPng.CopyTo(tooLarge, 0);

        (await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.UploadAsync(database, inspector, Encoding.UTF8.GetBytes("not a photo, just text"))))
            .Message.ShouldBe(CoreText.Get("Photo.NotAnImage"));
        (await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.UploadAsync(database, inspector, tooLarge)))
            .Message.ShouldBe(CoreText.Get("Photo.TooLarge", 10));

        await using var db = database.OwnerContext(TenantScope.System);
        (await db.Photos.CountAsync(p => p.EnterpriseId == database.Qd2)).ShouldBe(0);
    }

    [Fact]
    public async Task Regulators_cannot_upload_photos()
    {
        var regulator = await InspectionSite.ActorAsync(database, "qingdao", Roles.CityReviewer);

        await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.UploadAsync(database, regulator, InspectionSite.TinyPng));
    }
}
