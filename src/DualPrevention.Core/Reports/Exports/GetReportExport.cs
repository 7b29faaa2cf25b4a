using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>One export's state (for polling its progress) and, once complete, its file.</summary>
public static class GetReportExport
{
    /// <summary>A finished file to send: download name, content type, content.</summary>
    public sealed record File(string FileName, string ContentType, Stream Content);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IReportFileStore store)
    {
        /// <exception cref="NotFoundException">No export with this id in the caller's scope.</exception>
        public async Task<ListReportExports.Item> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var export = await db.ReportExports.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Reports.ExportNotFound"));
            return ListReportExports.ToItem(export);
        }

        /// <exception cref="NotFoundException">No completed export with this id in the caller's scope.</exception>
        public async Task<File> OpenFileAsync(Guid id, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var export = await db.ReportExports.SingleOrDefaultAsync(e => e.Id == id && e.Status == ReportExportStatus.Completed, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Reports.ExportNotFound"));
            return new File(export.FileName, ReportFiles.ContentType(export.Format), await store.OpenReadAsync(export.StoredName!, cancellationToken));
        }
    }
}
