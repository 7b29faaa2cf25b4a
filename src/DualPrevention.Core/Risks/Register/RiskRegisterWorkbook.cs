using System.Drawing;
using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// Writes register rows as a 风险分级管控清单 workbook, forward-only: a title row, the Chinese header row of
/// <see cref="RiskRegisterLayout"/> (frozen with the title), then one row per measure with the object, unit and
/// event repeated on every row instead of merged cells; repeated values import exactly like merged ones.
/// </summary>
internal static class RiskRegisterWorkbook
{
    /// <summary>Rows above the first data row: title and header.</summary>
    public const int HeaderRows = 2;

    public const string SheetName = "风险分级管控清单";

    private static readonly Color Black = Color.FromArgb(0x21, 0x21, 0x21);
    private static readonly Color Grid = Color.FromArgb(0xBF, 0xBF, 0xBF);

    /// <summary>Fill and text colour of each level (docs/domain/dual-prevention.md#41-risk-levels-and-colours; yellow carries dark text to stay legible).</summary>
    private static readonly IReadOnlyDictionary<RiskLevel, (Color Fill, Color Text)> LevelColors = new Dictionary<RiskLevel, (Color, Color)>
    {
        [RiskLevel.Major] = (Color.FromArgb(0xE6, 0x30, 0x31), Color.White),
        [RiskLevel.Significant] = (Color.FromArgb(0xF4, 0x84, 0x00), Color.White),
        [RiskLevel.General] = (Color.FromArgb(0xF1, 0xDD, 0x00), Black),
        [RiskLevel.Low] = (Color.FromArgb(0x00, 0xB0, 0xF0), Color.White),
    };

    /// <summary>Writes the workbook to <paramref name="output"/>, asynchronously only, so it may be an HTTP response body.</summary>
    public static async Task WriteAsync(Stream output, string enterpriseName, IAsyncEnumerable<ExportRiskRegister.Row> rows, CancellationToken cancellationToken)
    {
        await using var sink = new AsyncOnlyStream(output);
        await WriteSheetAsync(sink, enterpriseName, rows, cancellationToken);
        await sink.FlushAsync(cancellationToken);
    }

    private static async Task WriteSheetAsync(Stream output, string enterpriseName, IAsyncEnumerable<ExportRiskRegister.Row> rows, CancellationToken cancellationToken)
    {
        // Leading spaces are kept so that the formula-injection guard below survives a round trip through Excel.
        var options = new SpreadCheetahOptions { PreserveStringWhitespace = true };
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, options, cancellationToken);
        var columns = RiskRegisterLayout.Columns;
        var worksheet = new WorksheetOptions { FrozenRows = HeaderRows };
        for (var i = 0; i < columns.Count; i++)
        {
            worksheet.Column(i + 1).Width = columns[i].Width;
        }

        await spreadsheet.StartWorksheetAsync(SheetName, worksheet, cancellationToken);
        var styles = Styles.Add(spreadsheet);

        await spreadsheet.AddRowAsync([new StyledCell($"{enterpriseName}安全风险分级管控清单", styles.Title)], cancellationToken);
        spreadsheet.MergeCells($"A1:{ColumnLetter(columns.Count)}1");
        await spreadsheet.AddRowAsync(columns.Select(c => new StyledCell(c.Header, styles.Header)).ToArray(), cancellationToken);

        var cells = new StyledCell[columns.Count];
        var serial = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            serial++;
            for (var i = 0; i < columns.Count; i++)
            {
                cells[i] = Cell(columns[i].Field, row, serial, styles);
            }

            await spreadsheet.AddRowAsync(cells, cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }

    /// <summary>
    /// Text as written to a cell. Every text is an explicit string cell, which Excel and WPS never evaluate; a
    /// text that begins with = + - @, tab or carriage return also gets one leading space, so it stays inert when
    /// the sheet is saved as CSV or pasted elsewhere (OWASP, "CSV Injection"). The importer trims cells and stored
    /// values are trimmed, so the space never reaches the register and the round trip stays exact.
    /// </summary>
    public static string? SafeText(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? " " + value : value;

    private static StyledCell Cell(RegisterColumn field, ExportRiskRegister.Row row, int serial, Styles styles)
    {
        var m = row.Measure;
        return field switch
        {
            RegisterColumn.SerialNo => new StyledCell(serial, styles.Body),
            RegisterColumn.ObjectName => Text(row.ObjectName, styles),
            RegisterColumn.ObjectCode => Text(row.ObjectCode, styles, styles.Code),
            RegisterColumn.UnitName => Text(row.UnitName, styles),
            RegisterColumn.EventName => Text(row.EventName, styles),
            RegisterColumn.AccidentType => Text(row.AccidentType, styles),
            RegisterColumn.Method => Text(RiskRegisterLayout.MethodWords[row.Method], styles),
            RegisterColumn.Likelihood => new StyledCell(row.L, styles.Body),
            RegisterColumn.Severity => new StyledCell(row.S, styles.Body),
            RegisterColumn.Score => new StyledCell(row.Score, styles.Body),
            RegisterColumn.Level => new StyledCell(RiskRegisterLayout.LevelWords[row.Level], styles.Levels[row.Level]),
            RegisterColumn.MeasureDescription => Text(m.Description, styles),
            RegisterColumn.Classify1 => Text(MeasureClassification.Classify1Names[m.Classify1], styles),
            RegisterColumn.Classify2 => Text(Classify2Word(m.Classify2), styles),
            RegisterColumn.DataSource => Text(RiskRegisterLayout.DataSourceWords[m.DataSource], styles),
            RegisterColumn.InspectionContent => Text(m.InspectionContent, styles),

            // The stored value and unit as exchanged (docs/domain/dual-prevention.md#52-cycles-and-cycle-units): a
            // weekly check stored as 7 天 is written as 7 天, not 1 周, because whether the workbook said 周 is no longer
            // known; the importer reads 天 and 月 back to the same value, so the round trip is exact.
            RegisterColumn.CycleValue => new StyledCell(m.CycleValue, styles.Body),
            RegisterColumn.CycleUnit => Text(RiskRegisterLayout.CycleUnitWords[m.CycleUnit], styles),
            RegisterColumn.ControlLevel => Text(RiskRegisterLayout.ControlLevelWords[m.ControlLevel], styles),
            RegisterColumn.ResponsibleDepartment => Text(m.ResponsibleDepartment, styles),
            RegisterColumn.ResponsiblePerson => Text(m.ResponsiblePerson, styles),
            RegisterColumn.TaskType => Text(RiskRegisterLayout.TaskTypeWords[m.TaskType], styles),
            RegisterColumn.Exposure => new StyledCell(row.E, styles.Body),
            RegisterColumn.Consequence => new StyledCell(row.C, styles.Body),
            RegisterColumn.Classify3 => Text(m.Classify3, styles),

            // An item number of MEM's 包保 list is an identifier, not a quantity: written as text.
            RegisterColumn.AccountabilityItemNo => Text(m.AccountabilityItemNo?.ToString(CultureInfo.InvariantCulture), styles, styles.Code),
            RegisterColumn.WorkStartTime => Text(m.WorkStartTime?.ToString("HH:mm", CultureInfo.InvariantCulture), styles, styles.Code),
            RegisterColumn.WorkEndTime => Text(m.WorkEndTime?.ToString("HH:mm", CultureInfo.InvariantCulture), styles, styles.Code),
            RegisterColumn.WorkDayType => Text(RiskRegisterLayout.WorkDayTypeWords[m.WorkDayType], styles),
            RegisterColumn.IdentificationDate => Text(row.IdentifiedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), styles, styles.Code),

            // A telephone number is an identifier: text, so a leading 0 or + survives.
            RegisterColumn.EmergencyPhone => Text(row.EmergencyPhone, styles, styles.Code),
            RegisterColumn.EmergencyMeasures => Text(row.EmergencyMeasures, styles),
        };
    }

    private static StyledCell Text(string? value, Styles styles, StyleId? style = null) => new(SafeText(value), style ?? styles.Body);

    /// <summary>The classify2 name, as the sample writes it; an unknown code is written as the code itself.</summary>
    private static string Classify2Word(string code) =>
        MeasureClassification.Classify2.TryGetValue(code, out var entry) ? entry.Name : code;

    private static string ColumnLetter(int number)
    {
        var letters = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            letters = (char)('A' + ((number - 1) % 26)) + letters;
        }

        return letters;
    }

    private sealed record Styles(StyleId Title, StyleId Header, StyleId Body, StyleId Code, IReadOnlyDictionary<RiskLevel, StyleId> Levels)
    {
        public static Styles Add(Spreadsheet spreadsheet)
        {
            var title = new Style { Font = { Bold = true, Size = 16 }, Alignment = { Horizontal = HorizontalAlignment.Center } };
            var header = Bordered();
            header.Font.Bold = true;
            header.Fill.Color = Color.FromArgb(0xD9, 0xE1, 0xF2);
            header.Alignment.Horizontal = HorizontalAlignment.Center;
            var code = Bordered();

            // "@" keeps a code text when someone edits the cell, so leading zeros and long digit runs survive.
            code.Format = NumberFormat.Custom("@");
            return new Styles(
                spreadsheet.AddStyle(title),
                spreadsheet.AddStyle(header),
                spreadsheet.AddStyle(Bordered()),
                spreadsheet.AddStyle(code),
                LevelColors.ToDictionary(l => l.Key, l =>
                {
                    var style = Bordered();
                    style.Fill.Color = l.Value.Fill;
                    style.Font.Color = l.Value.Text;
                    style.Font.Bold = true;
                    style.Alignment.Horizontal = HorizontalAlignment.Center;
                    return spreadsheet.AddStyle(style);
                }));
        }

        private static Style Bordered()
        {
            var style = new Style { Alignment = { WrapText = true, Vertical = VerticalAlignment.Center } };
            foreach (var edge in new[] { style.Border.Left, style.Border.Right, style.Border.Top, style.Border.Bottom })
            {
                edge.BorderStyle = BorderStyle.Thin;
                edge.Color = Grid;
            }

            return style;
        }
    }
}
