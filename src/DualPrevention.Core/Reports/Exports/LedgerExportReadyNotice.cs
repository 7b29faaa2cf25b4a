using System.Globalization;
using DualPrevention.Core.Notifications;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>A large ledger written in the background is ready to download (ADR 0035); told to its requester.</summary>
public sealed record LedgerExportReadyNotice(string FileName, int Rows) : INotice
{
    public static string Key => "ReportExportNotice.LedgerReady";

    public NoticeText Render(CultureInfo culture) => new(
        Notices.Text(culture, "ReportExportNotice.LedgerReady.Title"),
        Notices.Text(culture, "ReportExportNotice.LedgerReady.Body", FileName, Rows));
}
