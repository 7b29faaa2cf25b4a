using System.Collections.Concurrent;
using DualPrevention.Core.Reports.Exports;

namespace DualPrevention.Testing;

/// <summary>The job runner's seam in tests outside the web host: keeps the queued export ids for the test to run.</summary>
internal sealed class RecordingExportScheduler(ConcurrentQueue<Guid> queued) : IReportExportScheduler
{
    public void Enqueue(Guid exportId) => queued.Enqueue(exportId);
}
