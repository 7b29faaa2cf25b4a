namespace DualPrevention.Core.Reports.Exports;

/// <summary>Where finished report files live, outside the database. The default is <see cref="LocalDiskReportFileStore"/>.</summary>
public interface IReportFileStore
{
    /// <summary>
    /// Lets <paramref name="write"/> fill the file <paramref name="storedName"/> (replacing an earlier attempt's file only
    /// once the new one is complete) and returns its size in bytes.
    /// </summary>
    Task<long> SaveAsync(string storedName, Func<Stream, Task> write, CancellationToken cancellationToken);

    /// <summary>Opens a stored file for reading.</summary>
    /// <exception cref="NotFoundException">No file is stored under the name.</exception>
    Task<Stream> OpenReadAsync(string storedName, CancellationToken cancellationToken);
}
