using DualPrevention.Core.Reports.Compliance;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>Writes a compliance report in the chosen format (the one switch over the writers).</summary>
public static class ComplianceReportFile
{
    /// <summary>Streams <paramref name="rows"/> to <paramref name="output"/> (asynchronous writes only; left open).</summary>
    /// <exception cref="InvalidOperationException">PDF: the CJK font (apt fonts-noto-cjk) is missing.</exception>
    public static Task WriteAsync(ReportFormat format, ComplianceReportHeader header, IAsyncEnumerable<ComplianceReportRow> rows, Stream output, CancellationToken cancellationToken) =>
        format switch
        {
            ReportFormat.Xlsx => ComplianceWorkbookWriter.WriteAsync(output, header, rows, cancellationToken),
            ReportFormat.Csv => ComplianceCsvWriter.WriteAsync(output, header, rows, cancellationToken),
            _ => CompliancePdfWriter.WriteAsync(output, header, rows, cancellationToken),
        };
}
