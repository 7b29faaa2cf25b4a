using System.Text;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Photos;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DualPrevention.IntegrationTests.Inspections;

public class UploadPhotoTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_png_is_stored_outside_the_database_re_encoded_and_read_back_with_its_type_and_expires_unless_attached()
    {
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);

        var id = await InspectionSite.UploadAsync(database, inspector, InspectionSite.TinyPng);

        await using var db = database.OwnerContext(TenantScope.System);
        var row = await db.Photos.SingleAsync(p => p.Id == id);
        (row.EnterpriseId, row.ContentType, row.RecordId, row.UploadedByUserId, row.ExpiresAt).ShouldBe(
            (database.Qd1, "image/png", null, inspector.Scope.UserId, row.UploadedAt + TimeSpan.FromDays(1)));
        Directory.GetFiles(database.PhotoDirectory, row.StorageKey, SearchOption.AllDirectories).Length.ShouldBe(1);
        var file = await InspectionSite.AsAsync<GetPhoto.Handler, GetPhoto.PhotoFile>(
            database, inspector, h => h.HandleAsync(new GetPhoto.Query(id), CancellationToken.None));
        await using var content = file.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        file.ContentType.ShouldBe("image/png");
        copy.Length.ShouldBe(row.Size);
        using var image = PhotoCorpus.Decode(copy.ToArray());
        (image.Width, image.Height).ShouldBe((1, 1));
    }

    [Fact]
    public async Task A_text_file_renamed_to_jpg_and_a_photo_over_10_MB_are_refused_naming_the_file_and_leave_no_row()
    {
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd2-inspector", Roles.Inspector);
        var tooLarge = new byte[PhotoContent.MaxBytes + 1];
        InspectionSite.TinyPng.CopyTo(tooLarge, 0);

        (await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.UploadAsync(database, inspector, Encoding.UTF8.GetBytes("not a photo, just text"))))
            .Message.ShouldBe(CoreText.Get("Photo.NotAnImage", "photo.png"));
        (await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.UploadAsync(database, inspector, tooLarge)))
            .Message.ShouldBe(CoreText.Get("Photo.TooLarge", "photo.png", 10));

        await using var db = database.OwnerContext(TenantScope.System);
        (await db.Photos.CountAsync(p => p.EnterpriseId == database.Qd2)).ShouldBe(0);
    }

    [Fact]
    public async Task An_upload_never_attached_is_removed_with_its_file_after_a_day_and_a_submitted_one_stays()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd1, "清理单元", "阀门无泄漏");
        var window = await site.OpenWindowAsync("阀门无泄漏");
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd1-inspector", Roles.Inspector);
        var forgotten = await InspectionSite.UploadAsync(database, inspector, InspectionSite.TinyPng);
        var submitted = await InspectionSite.UploadAsync(database, inspector, InspectionSite.TinyPng);
        await InspectionSite.SubmitAsync(database, inspector, InspectionSite.Check(window.Id, InspectionResult.Normal, null, submitted));
        string[] keys;
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            keys = await db.Photos.Where(p => p.Id == forgotten || p.Id == submitted).OrderBy(p => p.Id == submitted).Select(p => p.StorageKey).ToArrayAsync();
        }

        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var aDayLater = new FakeTimeProvider(database.Clock.GetUtcNow() + TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var cleanUp = new DeleteExpiredPhotos.Handler(
            scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>(), scope.ServiceProvider.GetRequiredService<IPhotoStore>(),
            aDayLater, NullLogger<DeleteExpiredPhotos.Handler>.Instance);

        (await cleanUp.HandleAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);

        await using var after = database.OwnerContext(TenantScope.System);
        (await after.Photos.Where(p => p.Id == forgotten || p.Id == submitted).Select(p => p.Id).ToListAsync()).ShouldBe([submitted]);
        Directory.GetFiles(database.PhotoDirectory, keys[0], SearchOption.AllDirectories).ShouldBeEmpty();
        Directory.GetFiles(database.PhotoDirectory, keys[1], SearchOption.AllDirectories).Length.ShouldBe(1);
    }

    [Fact]
    public async Task An_inspector_holding_the_most_unattached_photos_is_refused_until_the_oldest_expires()
    {
        var inspector = await InspectionSite.ActorAsync(database, "demo-wf1-inspector", Roles.Inspector);
        var limit = new PhotoLimits().MaxUnattachedPerUser;
        for (var i = 0; i < limit; i++)
        {
            await InspectionSite.UploadAsync(database, inspector, InspectionSite.TinyPng);
        }

        var refused = await Should.ThrowAsync<QuotaExceededException>(() => InspectionSite.UploadAsync(database, inspector, InspectionSite.TinyPng));

        refused.Message.ShouldBe(CoreText.Get("Photo.Quota.Unattached", limit));
        refused.RetryAfter.ShouldBeInRange(TimeSpan.FromHours(23), TimeSpan.FromDays(1));
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.Photos.CountAsync(p => p.UploadedByUserId == inspector.Scope.UserId)).ShouldBe(limit);
    }

    [Fact]
    public async Task Regulators_cannot_upload_photos()
    {
        var regulator = await InspectionSite.ActorAsync(database, "qingdao", Roles.CityReviewer);

        await Should.ThrowAsync<DomainRuleException>(() => InspectionSite.UploadAsync(database, regulator, InspectionSite.TinyPng));
    }
}
