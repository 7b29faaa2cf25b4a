using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;
using NPOI.SS.Util;

namespace DualPrevention.Testing.Workbooks;

/// <summary>Writes <see cref="XlsxBuilder"/>'s sheets as an .xls through NPOI's HSSF (BIFF8) writer.</summary>
internal static class XlsWriter
{
    public sealed record Sheet(string Name, bool Hidden, IReadOnlyList<(int Number, object?[] Cells)> Rows, IReadOnlyList<string> Merges);

    public static byte[] Write(IEnumerable<Sheet> sheets)
    {
        var workbook = new HSSFWorkbook();
        var dateStyle = workbook.CreateCellStyle();
        dateStyle.DataFormat = workbook.CreateDataFormat().GetFormat("yyyy-mm-dd");
        var timeStyle = workbook.CreateCellStyle();
        timeStyle.DataFormat = workbook.CreateDataFormat().GetFormat("h:mm");
        foreach (var spec in sheets)
        {
            var sheet = workbook.CreateSheet(spec.Name);
            if (spec.Hidden)
            {
                workbook.SetSheetHidden(workbook.GetSheetIndex(sheet), SheetState.Hidden);
            }

            foreach (var (number, values) in spec.Rows)
            {
                var row = sheet.CreateRow(number - 1);
                for (var c = 0; c < values.Length; c++)
                {
                    if (values[c] is { } value)
                    {
                        Set(row.CreateCell(c), value, dateStyle, timeStyle);
                    }
                }
            }

            foreach (var merge in spec.Merges)
            {
                sheet.AddMergedRegion(CellRangeAddress.ValueOf(merge));
            }
        }

        using var stream = new MemoryStream();
        workbook.Write(stream);
        return stream.ToArray();
    }

    private static void Set(ICell cell, object value, ICellStyle dateStyle, ICellStyle timeStyle)
    {
        switch (value)
        {
            case string text:
                cell.SetCellValue(text);
                break;
            case DateTime date:
                cell.SetCellValue(date);
                cell.CellStyle = dateStyle;
                break;
            case TimeOnly time:
                cell.SetCellValue(time.ToTimeSpan().TotalDays);
                cell.CellStyle = timeStyle;
                break;
            case IConvertible number:
                cell.SetCellValue(number.ToDouble(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"Cannot write {value.GetType().Name} to an .xls.");
        }
    }
}
