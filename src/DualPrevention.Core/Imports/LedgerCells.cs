using DualPrevention.Core.Localization;

namespace DualPrevention.Core.Imports;

/// <summary>One ledger data row read through its sheet's header; problems are placed at their cell.</summary>
internal sealed class LedgerCells(WorkbookSheet sheet, LedgerHeader header, WorkbookRow row, ImportProblemLog problems)
{
    public string Sheet => sheet.Name;

    public int RowNumber => row.Number;

    /// <summary>Errors logged for this row so far.</summary>
    public int Errors { get; private set; }

    /// <summary>True when no mapped column other than 序号 holds a value.</summary>
    public bool IsBlank => header.Fields.All(f => f.Key == LedgerColumn.LedgerNo || row[f.Value] is null);

    public object? Raw(LedgerColumn field) => header.Fields.TryGetValue(field, out var column) ? row[column] : null;

    public string? Text(LedgerColumn field) => CellText.Of(Raw(field));

    /// <summary>The text, or an error "X is empty" when the column is present (a missing column is reported once per sheet).</summary>
    public string? Required(LedgerColumn field)
    {
        var text = Text(field);
        if (text is null && header.Fields.ContainsKey(field))
        {
            Error(field, CoreText.Get("Import.Cell.Required", header.HeaderOf(field)));
        }

        return text;
    }

    /// <summary>A date; a value that is not one is an error, and so is a blank when <paramref name="required"/>.</summary>
    public DateOnly? Date(LedgerColumn field, bool required)
    {
        var raw = Raw(field);
        if (raw is null)
        {
            if (required)
            {
                Required(field);
            }

            return null;
        }

        var date = LedgerWords.Date(raw);
        if (date is null)
        {
            Error(field, CoreText.Get("Import.Ledger.NotADate", CellText.Of(raw)));
        }
        else if (!WorldDates.Contains(date.Value))
        {
            Error(field, WorldDates.Refusal());
            return null;
        }

        return date;
    }

    /// <summary>A number, or null; a value that is not a number is an error.</summary>
    public decimal? Number(LedgerColumn field)
    {
        var raw = Raw(field);
        var number = CellText.NumberOf(raw);
        if (number is null && raw is not null)
        {
            Error(field, CoreText.Get("Import.Cell.NotANumber", CellText.Of(raw)));
        }

        return number;
    }

    /// <summary>A value read by <paramref name="parse"/>; an unknown word is an error naming the words expected.</summary>
    public T? Word<T>(LedgerColumn field, string text, Func<string, T?> parse, string expected)
        where T : struct
    {
        var value = parse(text);
        if (value is null)
        {
            Error(field, CoreText.Get("Import.Cell.Unknown", text, header.HeaderOf(field), expected));
        }

        return value;
    }

    /// <summary>The text within <paramref name="maxLength"/> characters, else an error.</summary>
    public bool FitsIn(LedgerColumn field, string? text, int maxLength)
    {
        if (text is null || text.Length <= maxLength)
        {
            return true;
        }

        Error(field, CoreText.Get("Import.Cell.TooLong", header.HeaderOf(field), maxLength));
        return false;
    }

    public void Error(LedgerColumn field, string message) => Report(ImportSeverity.Error, field, message);

    public void Warning(LedgerColumn field, string message) => Report(ImportSeverity.Warning, field, message);

    private void Report(ImportSeverity severity, LedgerColumn field, string message)
    {
        if (severity == ImportSeverity.Error)
        {
            Errors++;
        }

        var mapped = header.Fields.TryGetValue(field, out var column);
        problems.Add(new ImportProblem(severity, sheet.Name, row.Number, mapped ? CellReference.ColumnLetter(column) : null, header.HeaderOf(field), message));
    }
}
