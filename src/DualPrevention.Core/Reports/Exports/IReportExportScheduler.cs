namespace DualPrevention.Core.Reports.Exports;

/// <summary>Hands a requested export to the background job runner (Hangfire in the web host).</summary>
public interface IReportExportScheduler
{
    /// <summary>Queues <see cref="RunReportExport"/> for the export; called after the export row is committed.</summary>
    void Enqueue(Guid exportId);
}
