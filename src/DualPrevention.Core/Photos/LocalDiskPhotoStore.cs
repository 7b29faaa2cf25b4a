using DualPrevention.Core.Localization;

namespace DualPrevention.Core.Photos;

/// <summary>
/// Keeps photos as files under one root directory, sharded by the first two characters of a random key. The key
/// is generated here and checked on read and delete, so a caller cannot reach outside the root.
/// </summary>
public sealed class LocalDiskPhotoStore(string rootDirectory) : IPhotoStore
{
    public async Task<StoredPhoto> SaveAsync(ProvenPhoto photo, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString("N");
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        try
        {
            await File.WriteAllBytesAsync(temporary, photo.Content, cancellationToken);
            File.Move(temporary, path);
            return new StoredPhoto(key, photo.ContentType, photo.Content.Length);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream> OpenReadAsync(string storageKey, CancellationToken cancellationToken)
    {
        if (!IsKey(storageKey) || !File.Exists(PathOf(storageKey)))
        {
            throw new NotFoundException(CoreText.Get("Photo.NotFound"));
        }

        return Task.FromResult<Stream>(new FileStream(PathOf(storageKey), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }

    public Task DeleteAsync(string storageKey, CancellationToken cancellationToken)
    {
        if (IsKey(storageKey))
        {
            File.Delete(PathOf(storageKey));
        }

        return Task.CompletedTask;
    }

    private static bool IsKey(string storageKey) => storageKey.Length == 32 && storageKey.All(Uri.IsHexDigit);

    private string PathOf(string key) => Path.Combine(rootDirectory, key[..2], key);
}
