using DualPrevention.Core.Localization;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// Keeps report files under one root directory. Names are made by the platform (an export's id and extension) and
/// checked on every call, so a caller cannot reach outside the root. A file is written beside its final name and
/// moved into place when complete, so a crashed or retried export never leaves a half file to download.
/// </summary>
public sealed class LocalDiskReportFileStore(string rootDirectory) : IReportFileStore
{
    public async Task<long> SaveAsync(string storedName, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var path = PathOf(storedName);
        Directory.CreateDirectory(rootDirectory);
        var temporary = $"{path}.{Guid.NewGuid():N}.part";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await write(file);
            }

            File.Move(temporary, path, overwrite: true);
            return new FileInfo(path).Length;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream> OpenReadAsync(string storedName, CancellationToken cancellationToken)
    {
        var path = PathOf(storedName);
        if (!File.Exists(path))
        {
            throw new NotFoundException(CoreText.Get("Reports.FileNotFound"));
        }

        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }

    private string PathOf(string storedName)
    {
        var stem = Path.GetFileNameWithoutExtension(storedName);
        if (!Guid.TryParseExact(stem, "N", out _) || storedName != Path.GetFileName(storedName))
        {
            throw new NotFoundException(CoreText.Get("Reports.FileNotFound"));
        }

        return Path.Combine(rootDirectory, storedName);
    }
}
