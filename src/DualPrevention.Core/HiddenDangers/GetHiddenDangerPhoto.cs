using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Photos;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>Opens one of a hidden danger's photos for viewing, inside the caller's tenant scope only.</summary>
public static class GetHiddenDangerPhoto
{
    public sealed record Query(Guid Id, Guid PhotoId);

    /// <summary>The bytes (the caller disposes the stream) and their sniffed type, image/jpeg or image/png.</summary>
    public sealed record PhotoFile(Stream Content, string ContentType);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IPhotoStore store)
    {
        /// <exception cref="NotFoundException">No such photo of this hidden danger in the caller's scope, or its bytes are gone.</exception>
        public async Task<PhotoFile> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var photo = await db.Photos.Where(p => p.Id == query.PhotoId && p.HiddenDangerId == query.Id)
                .Select(p => new { p.StorageKey, p.ContentType })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Photo.NotFound"));
            return new PhotoFile(await store.OpenReadAsync(photo.StorageKey, cancellationToken), photo.ContentType);
        }
    }
}
