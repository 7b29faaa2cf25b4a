using System.Security.Cryptography;
using System.Text;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Localization;

namespace DualPrevention.Core.Imports;

/// <summary>
/// Reads the data rows of ledger sheets into <see cref="LedgerEntry"/>s, logging every problem at its sheet, row
/// and column. A row with an error yields no entry; the use case commits nothing while any error stands.
/// </summary>
internal sealed class HiddenDangerLedgerParser(ImportProblemLog problems)
{
    private readonly List<ParsedLedgerRow> _rows = [];
    private readonly Dictionary<string, (string Sheet, int Row)> _ledgerNos = new(StringComparer.Ordinal);

    /// <summary>Entries of the rows without error, in workbook order.</summary>
    public IReadOnlyList<ParsedLedgerRow> Rows => _rows;

    /// <summary>Columns a data row fills at least one of; a row with none is a note.</summary>
    private static readonly LedgerColumn[] KeyColumns = [LedgerColumn.Description, LedgerColumn.FoundOn];

    /// <summary>Non-blank data rows read, with or without error.</summary>
    public int DataRows { get; private set; }

    /// <summary>Title and note rows passed over, in workbook order.</summary>
    public List<SkippedRow> SkippedRows { get; } = [];

    public void Parse(WorkbookSheet sheet, LedgerHeader header)
    {
        SkippedRows.AddRange(NoteRows.Titles(sheet, header.FirstRowIndex));
        foreach (var missing in LedgerSynonyms.Required.Where(c => !header.Fields.ContainsKey(c)))
        {
            problems.Add(new ImportProblem(ImportSeverity.Error, sheet.Name, null, null, LedgerSynonyms.HeaderOf(missing),
                CoreText.Get("Import.Ledger.MissingColumn", LedgerSynonyms.HeaderOf(missing))));
        }

        foreach (var column in header.Columns.Where(c => c.Field is { } f && CellReference.ColumnLetter(header.Fields[f]) != c.Letter))
        {
            problems.Add(new ImportProblem(ImportSeverity.Warning, sheet.Name, header.RowNumber, column.Letter, column.Header,
                CoreText.Get("Import.Column.Duplicate", LedgerSynonyms.HeaderOf(column.Field!.Value), CellReference.ColumnLetter(header.Fields[column.Field.Value]))));
        }

        IgnoredColumns.ReportUnmapped(problems, sheet.Name, header.RowNumber,
            header.Columns.Where(c => c.Field is null).Select(c => (CellReference.ColumnIndex(c.Letter), c.Header)));
        var keyColumns = KeyColumns.Where(header.Fields.ContainsKey).Select(f => header.Fields[f]).ToArray();
        var ignored = new IgnoredColumns(sheet, header.RowNumber, header.Columns.Select(c => CellReference.ColumnIndex(c.Letter)).ToHashSet());
        for (var i = header.RowIndex + 1; i < sheet.Rows.Count; i++)
        {
            var row = sheet.Rows[i];
            var cells = new LedgerCells(sheet, header, row, problems);
            if (cells.IsBlank)
            {
                continue;
            }

            if (NoteRows.IsNote(sheet, row, keyColumns))
            {
                SkippedRows.Add(NoteRows.Skipped(sheet, row, SkippedRowKind.Note));
                continue;
            }

            DataRows++;
            ignored.Track(row);
            if (Read(cells) is { } entry && cells.Errors == 0)
            {
                _rows.Add(new ParsedLedgerRow(sheet.Name, row.Number, entry));
            }
        }

        ignored.ReportUnheaded(problems);
    }

    private LedgerEntry? Read(LedgerCells cells)
    {
        var description = cells.Required(LedgerColumn.Description);
        var foundOn = cells.Date(LedgerColumn.FoundOn, required: true);
        var levelText = cells.Required(LedgerColumn.Level);
        var level = levelText is null ? null : cells.Word(LedgerColumn.Level, levelText, LedgerWords.Level, LedgerWords.ExpectedLevels);
        var stateText = cells.Required(LedgerColumn.State);
        var stateWord = stateText is null ? null : cells.Word(LedgerColumn.State, stateText, LedgerWords.State, LedgerWords.ExpectedStates);
        var deadline = cells.Date(LedgerColumn.Deadline, required: false);
        var reviewedOn = cells.Date(LedgerColumn.ReviewedOn, required: false);
        var name = cells.Text(LedgerColumn.Name);
        var location = cells.Text(LedgerColumn.Location);
        var rectifier = cells.Text(LedgerColumn.Rectifier);
        var reviewer = cells.Text(LedgerColumn.Reviewer);
        var measures = cells.Text(LedgerColumn.Measures);
        var cause = cells.Text(LedgerColumn.Cause);
        var reviewResult = cells.Text(LedgerColumn.ReviewResult);
        var cost = cells.Number(LedgerColumn.Cost);
        var fits = cells.FitsIn(LedgerColumn.Description, description, 4000) & cells.FitsIn(LedgerColumn.Name, name, 300)
            & cells.FitsIn(LedgerColumn.Location, location, 200) & cells.FitsIn(LedgerColumn.Rectifier, rectifier, 100)
            & cells.FitsIn(LedgerColumn.Reviewer, reviewer, 100) & cells.FitsIn(LedgerColumn.Measures, measures, 1000)
            & cells.FitsIn(LedgerColumn.Cause, cause, 2000) & cells.FitsIn(LedgerColumn.ReviewResult, reviewResult, 1000);
        if (cost < 0)
        {
            cells.Error(LedgerColumn.Cost, CoreText.Get("Import.Ledger.CostNegative", cost));
        }
        else if (cost >= HiddenDangerValidation.CostLimitTenThousandYuan)
        {
            cells.Error(LedgerColumn.Cost, CoreText.Get("Import.Ledger.CostTooLarge", cost, HiddenDangerValidation.CostLimitTenThousandYuan));
        }

        var ledgerNo = LedgerNoOf(cells, description, foundOn);
        if (description is null || foundOn is null || level is null || stateWord is null || ledgerNo is null || !fits)
        {
            return null;
        }

        return new LedgerEntry(
            ledgerNo, name ?? description, description, level.Value, StateOf(stateWord.Value, level.Value), CategoryOf(cells), RemediationOf(cells, measures),
            location, measures, cause, cost, null, rectifier, foundOn.Value, deadline, null, reviewer, reviewedOn, reviewResult);
    }

    private string? LedgerNoOf(LedgerCells cells, string? description, DateOnly? foundOn)
    {
        var stated = cells.Text(LedgerColumn.LedgerNo);
        if (stated is null && (description is null || foundOn is null))
        {
            return null;
        }

        // Without a number of its own, a row is known by what it says and when: the same row in a later export gets the same key.
        var ledgerNo = stated ?? "H" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{foundOn:yyyy-MM-dd}|{description}")))[..20];
        if (!cells.FitsIn(LedgerColumn.LedgerNo, ledgerNo, 64))
        {
            return null;
        }

        if (_ledgerNos.TryGetValue(ledgerNo, out var first))
        {
            cells.Error(LedgerColumn.LedgerNo, CoreText.Get("Import.Ledger.DuplicateNo", ledgerNo, first.Sheet, first.Row));
            return null;
        }

        _ledgerNos[ledgerNo] = (cells.Sheet, cells.RowNumber);
        return ledgerNo;
    }

    /// <summary>A closed major hidden danger ends closed out (销号), a general one accepted (docs/domain/dual-prevention.md#64-life-cycle).</summary>
    private static HiddenDangerState StateOf(LedgerWords.StateWord word, HiddenDangerLevel level) => word switch
    {
        LedgerWords.StateWord.Done => level == HiddenDangerLevel.Major ? HiddenDangerState.ClosedOut : HiddenDangerState.Accepted,
        LedgerWords.StateWord.Rectifying => HiddenDangerState.Rectifying,
        LedgerWords.StateWord.PendingAcceptance => HiddenDangerState.PendingAcceptance,
        LedgerWords.StateWord.PendingConfirmation => HiddenDangerState.PendingConfirmation,
        LedgerWords.StateWord.Invalidated => HiddenDangerState.Invalidated,
    };

    private static HiddenDangerCategory? CategoryOf(LedgerCells cells)
    {
        if (cells.Text(LedgerColumn.Category) is not { } text)
        {
            return null;
        }

        if (LedgerWords.Category(text) is { } category)
        {
            return category;
        }

        cells.Warning(LedgerColumn.Category, CoreText.Get("Import.Ledger.CategoryOther", text));
        return HiddenDangerCategory.Other;
    }

    /// <summary>The type column when there is one, else the measures when they are just the type's word (当场纠正, 限时整改).</summary>
    private static RemediationType? RemediationOf(LedgerCells cells, string? measures)
    {
        if (cells.Text(LedgerColumn.RemediationType) is { } text)
        {
            return cells.Word(LedgerColumn.RemediationType, text, LedgerWords.Remediation, "即查即改, 限期整改");
        }

        return measures is null ? null : LedgerWords.Remediation(measures);
    }
}

/// <summary>A ledger row without error and where it came from.</summary>
internal sealed record ParsedLedgerRow(string Sheet, int Row, LedgerEntry Entry);
