using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Imports;

/// <summary>One data row read through its sheet's header: field values, and problems placed at their cell.</summary>
internal sealed class RowCells(WorkbookSheet sheet, SheetHeader header, WorkbookRow row, ImportProblemLog problems, ImportQuestions questions)
{
    /// <summary>Fields that are recomputed from the others, so a missing value is only worth a warning.</summary>
    private static readonly HashSet<RegisterColumn> Recomputed = [RegisterColumn.Score, RegisterColumn.Level, RegisterColumn.SerialNo];

    private readonly HashSet<RegisterColumn> _reportedFormulas = [];

    public SourceRow Source => new(sheet.Name, row.Number);

    /// <summary>Errors logged for this row so far.</summary>
    public int Errors { get; private set; }

    /// <summary>True when no mapped column other than 序号 holds a value.</summary>
    public bool IsBlank => header.Fields.All(f => f.Key == RegisterColumn.SerialNo || row[f.Value] is null);

    public bool IsMapped(RegisterColumn field) => header.Fields.ContainsKey(field);

    /// <summary>The cell's raw value; a blank cell holding an uncached formula is reported once.</summary>
    public object? Raw(RegisterColumn field)
    {
        if (!header.Fields.TryGetValue(field, out var column))
        {
            return null;
        }

        var value = row[column];
        if (value is null && sheet.UncachedFormulas.Contains(new CellPosition(row.Number, column)) && _reportedFormulas.Add(field))
        {
            Report(Recomputed.Contains(field) ? ImportSeverity.Warning : ImportSeverity.Error, field,
                CoreText.Get(Recomputed.Contains(field) ? "Import.Cell.UncachedFormulaRecomputed" : "Import.Cell.UncachedFormula"));
        }

        return value;
    }

    public string? Text(RegisterColumn field) => CellText.Of(Raw(field));

    /// <summary>The text, or an error "X is empty" when the column is mapped (an unmapped column is reported once per sheet).</summary>
    public string? Required(RegisterColumn field)
    {
        var text = Text(field);
        if (text is null && IsMapped(field))
        {
            Error(field, CoreText.Get("Import.Cell.Required", HeaderOf(field)));
        }

        return text;
    }

    /// <summary>The text within <paramref name="maxLength"/> characters, else an error.</summary>
    public bool FitsIn(RegisterColumn field, string? text, int maxLength)
    {
        if (text is null || text.Length <= maxLength)
        {
            return true;
        }

        Error(field, CoreText.Get("Import.Cell.TooLong", HeaderOf(field), maxLength));
        return false;
    }

    /// <summary>A number, or null; a value that is not a number is an error.</summary>
    public decimal? Number(RegisterColumn field)
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
    public T? Word<T>(RegisterColumn field, Func<string, T?> parse)
        where T : struct
    {
        var text = Text(field);
        if (text is null)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            Error(field, CoreText.Get("Import.Cell.Unknown", text, HeaderOf(field), RegisterWords.Expected(field)));
        }

        return value;
    }

    /// <summary>For a field the sheet has no column for: the sheet's answer (the row is counted as asking), or null.</summary>
    public string? Ask(RegisterColumn field)
    {
        questions.Ask(sheet.Name, field);
        return questions.AnswerOf(sheet.Name, field);
    }

    /// <summary>The cell's text, or the sheet's answer when the column is absent.</summary>
    public string? AskedText(RegisterColumn field) => IsMapped(field) ? Text(field) : Ask(field);

    /// <summary>
    /// A word read by <paramref name="parse"/> from the cell, or from the sheet's answer when the column is absent; an
    /// unknown word is an error naming the words expected.
    /// </summary>
    public T? AskedWord<T>(RegisterColumn field, Func<string, T?> parse)
        where T : struct
    {
        if (AskedText(field) is not { } text)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            Error(field, CoreText.Get("Import.Cell.Unknown", text, HeaderOf(field), RegisterWords.Expected(field)));
        }

        return value;
    }

    public void Error(RegisterColumn field, string message) => Report(ImportSeverity.Error, field, message);

    public void Warning(RegisterColumn field, string message) => Report(ImportSeverity.Warning, field, message);

    /// <summary>The file's own header of <paramref name="field"/>, or the platform's when the column is absent.</summary>
    public string HeaderOf(RegisterColumn field) =>
        header.Fields.TryGetValue(field, out var column) ? header.HeaderOf(column) : RiskRegisterLayout.HeaderOf(field);

    private void Report(ImportSeverity severity, RegisterColumn field, string message)
    {
        if (severity == ImportSeverity.Error)
        {
            Errors++;
        }

        var mapped = header.Fields.TryGetValue(field, out var column);
        problems.Add(new ImportProblem(
            severity, sheet.Name, row.Number, mapped ? CellReference.ColumnLetter(column) : null, HeaderOf(field), message));
    }
}
