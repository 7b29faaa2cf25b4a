namespace DualPrevention.Core.Photos;

/// <summary>
/// Where photo and evidence bytes live, outside the database: the one file store of every area (inspection photos,
/// hidden-danger photos, later alarm snapshots and permit evidence). It keeps only a <see cref="ProvenPhoto"/>, so
/// nothing reaches it without being decoded and re-encoded first; how long a file is kept is the
/// <see cref="Photo"/> row's <see cref="Photo.ExpiresAt"/>. The default is <see cref="LocalDiskPhotoStore"/>.
/// </summary>
public interface IPhotoStore
{
    /// <summary>Stores the photo under a new key.</summary>
    Task<StoredPhoto> SaveAsync(ProvenPhoto photo, CancellationToken cancellationToken);

    /// <summary>Opens a stored photo for reading.</summary>
    /// <exception cref="NotFoundException">No photo is stored under the key.</exception>
    Task<Stream> OpenReadAsync(string storageKey, CancellationToken cancellationToken);

    /// <summary>Removes a stored photo; a key already gone is no error.</summary>
    Task DeleteAsync(string storageKey, CancellationToken cancellationToken);
}

/// <summary>A photo the store holds: its key, its content type, its size in bytes.</summary>
public sealed record StoredPhoto(string StorageKey, string ContentType, long Size);
