using System.Globalization;
using ExcelDataReader;

namespace DualPrevention.Web.Tests;

/// <summary>Reads back a workbook an endpoint wrote.</summary>
internal static class XlsxCells
{
    /// <summary>The first cell of each row of the first sheet, as text ("" for an empty one).</summary>
    public static List<string> FirstOfEachRow(byte[] xlsx)
    {
        // ExcelDataReader's default configuration asks for code page 1252 even for .xlsx.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = new MemoryStream(xlsx);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        }

        return rows;
    }
}
