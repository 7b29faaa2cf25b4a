using DualPrevention.Core.Data;
using static DualPrevention.Core.Reports.Exports.ReportExportStatus;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>What the states of a background export count as, defined once.</summary>
public static class ReportExportStates
{
    /// <summary>Not finished yet: queued or running, so the list polls it until it completes or fails.</summary>
    public static readonly StateSet<ReportExportStatus> InProgress = new(
        [Queued, Running],
        [Completed, Failed]);
}
