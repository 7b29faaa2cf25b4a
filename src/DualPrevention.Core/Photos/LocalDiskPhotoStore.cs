using DualPrevention.Core.Localization;

namespace DualPrevention.Core.Photos;

/// <summary>
/// Keeps photos as files under one root directory, sharded by the first two characters of a random key. The key
/// is generated here and checked on read, so a caller cannot reach outside the root.
/// </summary>
public sealed class LocalDiskPhotoStore(string rootDirectory) : IPhotoStore
{
    private const int HeadLength = 8;

    public async Task<StoredPhoto> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString("N");
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        try
        {
            long size;
            var head = new byte[HeadLength];
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                size = await CopyLimitedAsync(content, file, head, cancellationToken);
            }

            if (size == 0)
            {
                throw new DomainRuleException(CoreText.Get("Photo.Empty"));
            }

            var contentType = PhotoContent.Sniff(head.AsSpan(0, (int)Math.Min(size, HeadLength)))
                ?? throw new DomainRuleException(CoreText.Get("Photo.NotAnImage"));
            File.Move(temporary, path);
            return new StoredPhoto(key, contentType, size);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream> OpenReadAsync(string storageKey, CancellationToken cancellationToken)
    {
        if (storageKey.Length != 32 || !storageKey.All(Uri.IsHexDigit) || !File.Exists(PathOf(storageKey)))
        {
            throw new NotFoundException(CoreText.Get("Photo.NotFound"));
        }

        return Task.FromResult<Stream>(new FileStream(PathOf(storageKey), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }

    private static async Task<long> CopyLimitedAsync(Stream source, Stream target, byte[] head, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (size < HeadLength)
            {
                buffer.AsSpan(0, (int)Math.Min(read, HeadLength - size)).CopyTo(head.AsSpan((int)size));
            }

            size += read;
            if (size > PhotoContent.MaxBytes)
            {
                throw new DomainRuleException(CoreText.Get("Photo.TooLarge", PhotoContent.MaxBytes / 1024 / 1024));
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return size;
    }

    private string PathOf(string key) => Path.Combine(rootDirectory, key[..2], key);
}
