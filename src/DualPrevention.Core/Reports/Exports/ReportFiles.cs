using System.Globalization;
using DualPrevention.Core.Reports.Compliance;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>Names and content types of compliance-report files.</summary>
public static class ReportFiles
{
    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Xlsx => "xlsx",
        ReportFormat.Csv => "csv",
        _ => "pdf",
    };

    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ReportFormat.Csv => "text/csv; charset=utf-8",
        _ => "application/pdf",
    };

    /// <summary>e.g. 双重预防机制运行情况报表_青岛市_2026-11.xlsx, the title in <paramref name="culture"/>.</summary>
    public static string FileName(string regionName, ReportPeriod period, ReportFormat format, CultureInfo culture) =>
        string.Create(CultureInfo.InvariantCulture, $"{ComplianceReportCaption.Title(culture)}_{regionName}_{period.Code}.{Extension(format)}");

    /// <summary>Reads xlsx, csv or pdf (any case).</summary>
    public static bool TryParseFormat(string? text, out ReportFormat format)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "xlsx":
                format = ReportFormat.Xlsx;
                return true;
            case "csv":
                format = ReportFormat.Csv;
                return true;
            case "pdf":
                format = ReportFormat.Pdf;
                return true;
            default:
                format = default;
                return false;
        }
    }
}
