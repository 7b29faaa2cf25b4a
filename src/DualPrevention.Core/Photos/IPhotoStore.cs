namespace DualPrevention.Core.Photos;

/// <summary>Where photo bytes live, outside the database. The default is <see cref="LocalDiskPhotoStore"/>.</summary>
public interface IPhotoStore
{
    /// <summary>Checks the content (JPEG or PNG by its signature, at most 10 MB) and stores it under a new key.</summary>
    /// <exception cref="DomainRuleException">The content is empty, too large, or not a JPEG or PNG image.</exception>
    Task<StoredPhoto> SaveAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored photo for reading.</summary>
    /// <exception cref="NotFoundException">No photo is stored under the key.</exception>
    Task<Stream> OpenReadAsync(string storageKey, CancellationToken cancellationToken);
}

/// <summary>A photo the store accepted: its key, its content type as sniffed, its size in bytes.</summary>
public sealed record StoredPhoto(string StorageKey, string ContentType, long Size);
