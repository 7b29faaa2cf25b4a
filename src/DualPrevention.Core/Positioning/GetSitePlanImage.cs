using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Photos;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>A site plan's image, read in the caller's tenant scope: another enterprise's plan is not found.</summary>
public static class GetSitePlanImage
{
    /// <summary>The image bytes to stream; the caller disposes <paramref name="Content"/>.</summary>
    public sealed record Image(Stream Content, string ContentType);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IPhotoStore store)
    {
        /// <exception cref="NotFoundException">The plan is outside the caller's scope or has no image.</exception>
        public async Task<Image> HandleAsync(Guid sitePlanId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var plan = await db.Set<SitePlan>().AsNoTracking().Where(p => p.Id == sitePlanId)
                .Select(p => new { p.ImageStorageKey, p.ImageContentType }).SingleOrDefaultAsync(cancellationToken);
            if (plan is not { ImageStorageKey: { } key, ImageContentType: { } type })
            {
                throw new NotFoundException(CoreText.Get("Positioning.SitePlan.NotFound"));
            }

            return new Image(await store.OpenReadAsync(key, cancellationToken), type);
        }
    }
}
