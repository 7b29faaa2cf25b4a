namespace DualPrevention.Core.Reports.Exports;

/// <summary>One column of the exported ledger: its header, relative width and the text of a row.</summary>
internal sealed record LedgerExportColumn(string Header, double Width, Func<ExportHiddenDangerLedger.Row, string> TextOf);

/// <summary>The exported ledger's columns in order; the enterprise's only in a regulator's file.</summary>
internal static class LedgerExportColumns
{
    public static IReadOnlyList<LedgerExportColumn> For(bool showEnterprise) =>
    [
        C("Number", 20, r => r.Number),
        .. showEnterprise ? [C("Enterprise", 18, r => r.Enterprise)] : Array.Empty<LedgerExportColumn>(),
        C("ReportedOn", 11, r => ExportHiddenDangerLedger.Date(r.ReportedOn)),
        C("Place", 14, r => r.Place ?? ""),
        C("Description", 36, r => string.Equals(r.Name, r.Description, StringComparison.Ordinal) ? r.Name : $"{r.Name}\n{r.Description}"),
        C("Level", 9, r => ExportHiddenDangerLedger.LevelName(r.Level)),
        C("Category", 8, r => ExportHiddenDangerLedger.CategoryName(r.Category)),
        C("ReportedBy", 10, r => r.ReportedBy),
        C("Measures", 26, r => r.Measures ?? ""),
        C("Rectifier", 10, r => r.Rectifier ?? ""),
        C("Deadline", 11, r => ExportHiddenDangerLedger.Date(r.Deadline)),
        C("State", 9, r => ExportHiddenDangerLedger.StateName(r.State)),
        C("AcceptedOn", 11, r => ExportHiddenDangerLedger.Date(r.AcceptedOn)),
    ];

    /// <summary>The caption lines above the table, label and value.</summary>
    public static IReadOnlyList<(string Label, string Value)> Caption(ExportHiddenDangerLedger.Header header) =>
    [
        (ExportHiddenDangerLedger.T("Caption.Scope"), header.Scope),
        (ExportHiddenDangerLedger.T("Caption.Filters"), header.Filters),
        (ExportHiddenDangerLedger.T("Caption.RequestedBy"), header.RequestedBy),
        (ExportHiddenDangerLedger.T("Caption.GeneratedAt"), BusinessTime.ToLocal(header.GeneratedAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
        (ExportHiddenDangerLedger.T("Caption.Rows"), header.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static LedgerExportColumn C(string key, double width, Func<ExportHiddenDangerLedger.Row, string> text) =>
        new(ExportHiddenDangerLedger.T($"Column.{key}"), width, text);
}
