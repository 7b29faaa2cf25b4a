namespace DualPrevention.Core.Imports;

/// <summary>The two workbook formats the importer reads, told apart by their first bytes.</summary>
public enum WorkbookFormat
{
    /// <summary>Office Open XML (Excel 2007+): a zip, signature <c>PK\x03\x04</c>.</summary>
    Xlsx = 1,

    /// <summary>Legacy BIFF8 (Excel 97–2003): an OLE compound file, signature <c>D0 CF 11 E0</c>.</summary>
    Xls = 2,
}
