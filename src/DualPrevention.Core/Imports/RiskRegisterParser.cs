using System.Globalization;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Imports;

/// <summary>
/// Turns sheets of a risk-control list into a <see cref="RegisterDraft"/>, naming every problem by sheet, Excel row and
/// column. Blank object, unit and event cells (merged or left blank) continue the row above; a new event starts when
/// the event text changes or its unit or object does, and a new unit needs its name stated. Each event is graded here
/// with the band table in force (docs/domain/dual-prevention.md#43-ls-bands, docs/domain/dual-prevention.md#45-lec),
/// and the file's own R/D and level are only compared with the result.
/// </summary>
internal sealed class RiskRegisterParser(IReadOnlyDictionary<AssessmentMethod, RiskBandTable> bands, ImportProblemLog problems, ImportQuestions questions)
{
    /// <summary>
    /// Columns without which a sheet cannot be imported (docs/domain/dual-prevention.md#3-the-risk-register). The others
    /// real lists lack are derived (the object from the sheet, its code from its name, the unit from the object, the class from the wording,
    /// 人工排查 as the way of control, the measure as its inspection content) or asked once (<see cref="ImportQuestion"/>).
    /// </summary>
    public static readonly RegisterColumn[] RequiredColumns =
        [RegisterColumn.EventName, RegisterColumn.MeasureDescription, RegisterColumn.Likelihood];

    /// <summary>Columns a data row fills at least one of; a row with none is a note.</summary>
    private static readonly RegisterColumn[] KeyColumns =
        [RegisterColumn.ObjectName, RegisterColumn.ObjectCode, RegisterColumn.UnitName, RegisterColumn.EventName, RegisterColumn.MeasureDescription];

    private static readonly RegisterColumn[] EventColumns =
    [
        RegisterColumn.AccidentType, RegisterColumn.Method, RegisterColumn.Likelihood, RegisterColumn.Severity,
        RegisterColumn.Exposure, RegisterColumn.Consequence, RegisterColumn.Score, RegisterColumn.Level, RegisterColumn.IdentificationDate,
    ];

    private readonly ControlMeasureDetailsValidator _validator = new();

    public RegisterDraft Draft { get; } = new();

    /// <summary>Data rows read so far over all sheets.</summary>
    public int DataRows { get; private set; }

    /// <summary>Title and note rows passed over, in workbook order.</summary>
    public List<SkippedRow> SkippedRows { get; } = [];

    /// <exception cref="DomainRuleException">More than <see cref="ImportLimits.MaxDataRows"/> data rows.</exception>
    public void Parse(WorkbookSheet sheet, SheetHeader header)
    {
        SkippedRows.AddRange(NoteRows.Titles(sheet, header.FirstRowIndex));
        var readable = CheckColumns(sheet, header);
        var keyColumns = KeyColumns.Where(header.Fields.ContainsKey).Select(f => header.Fields[f]).ToArray();
        var headerColumns = header.Columns.Select(c => CellReference.ColumnIndex(c.Letter)).ToHashSet();
        var ignored = new IgnoredColumns(sheet, header.RowNumber, headerColumns);
        var context = new Context();
        for (var i = header.RowIndex + 1; i < sheet.Rows.Count; i++)
        {
            var row = sheet.Rows[i];
            var cells = new RowCells(sheet, header, row, problems, questions);
            if (cells.IsBlank)
            {
                continue;
            }

            if (NoteRows.IsNote(sheet, row, keyColumns))
            {
                SkippedRows.Add(NoteRows.Skipped(sheet, row, SkippedRowKind.Note));
                continue;
            }

            if (++DataRows > ImportLimits.MaxDataRows)
            {
                throw new DomainRuleException(CoreText.Get("Import.File.TooManyRows", ImportLimits.MaxDataRows));
            }

            ignored.Track(row);
            if (readable && Place(cells, context) is { } riskEvent)
            {
                ReadMeasure(cells, riskEvent);
            }
        }

        ignored.ReportUnheaded(problems);
    }

    private bool CheckColumns(WorkbookSheet sheet, SheetHeader header)
    {
        var missing = RequiredColumns.Where(f => !header.Fields.ContainsKey(f)).ToList();
        foreach (var field in missing)
        {
            problems.Add(new ImportProblem(ImportSeverity.Error, sheet.Name, header.RowNumber, null, RiskRegisterLayout.HeaderOf(field),
                CoreText.Get("Import.Sheet.MissingColumn", RiskRegisterLayout.HeaderOf(field))));
        }

        foreach (var column in header.Columns.Where(c => c.Field is { } f && CellReference.ColumnLetter(header.Fields[f]) != c.Letter))
        {
            var first = CellReference.ColumnLetter(header.Fields[column.Field!.Value]);
            problems.Add(new ImportProblem(ImportSeverity.Warning, sheet.Name, header.RowNumber, column.Letter, column.Header,
                CoreText.Get("Import.Column.Duplicate", RiskRegisterLayout.HeaderOf(column.Field.Value), first)));
        }

        IgnoredColumns.ReportUnmapped(problems, sheet.Name, header.RowNumber,
            header.Columns.Where(c => c.Field is null).Select(c => (CellReference.ColumnIndex(c.Letter), c.Header)));
        return missing.Count == 0 || missing.SequenceEqual([RegisterColumn.Likelihood]);
    }

    /// <summary>The event this row's measure belongs to, carrying blank object, unit and event cells down; null when it cannot be placed (already reported).</summary>
    private EventDraft? Place(RowCells cells, Context context)
    {
        var name = cells.IsMapped(RegisterColumn.ObjectName) ? cells.Text(RegisterColumn.ObjectName) : cells.Source.Sheet.Trim();
        var code = cells.IsMapped(RegisterColumn.ObjectCode) ? cells.Text(RegisterColumn.ObjectCode) : name is null ? null : ObjectCodes.FromName(name);
        var sameObject = context.HasObject && (code is null || code == context.ObjectCode) && (name is null || name == context.ObjectName);
        if (!sameObject)
        {
            context.StartObject(code, name, StartObject(cells, code, name));
        }

        // A list without units (区域 | 危险因素 | …) analyses each object as one unit of the same name.
        var unitName = cells.IsMapped(RegisterColumn.UnitName) ? cells.Text(RegisterColumn.UnitName) : context.Object?.Name;
        var sameUnit = sameObject && context.HasUnit && (unitName is null || unitName == context.UnitName);
        if (!sameUnit)
        {
            context.StartUnit(unitName, context.Object is { } o ? StartUnit(cells, o, unitName) : null);
        }

        if (context.Unit is { } unit)
        {
            ReadEmergency(cells, unit);
        }

        var eventName = cells.Text(RegisterColumn.EventName);
        var sameEvent = sameUnit && context.HasEvent && (eventName is null || eventName == context.EventName);
        if (!sameEvent)
        {
            context.StartEvent(eventName, context.Unit is { } u ? StartEvent(cells, u, eventName) : null);
        }
        else if (context.Event is { } continued)
        {
            CompareWithEvent(cells, continued);
        }

        return context.Event;
    }

    private ObjectDraft? StartObject(RowCells cells, string? code, string? name)
    {
        if ((code ?? cells.Required(RegisterColumn.ObjectCode)) is null || !cells.FitsIn(RegisterColumn.ObjectCode, code, 50))
        {
            return null;
        }

        if (Draft.Objects.TryGetValue(code!, out var known))
        {
            if (name is not null && name != known.Name)
            {
                cells.Warning(RegisterColumn.ObjectName, CoreText.Get("Import.Object.NameConflict", code, name, known.Name, known.Source.Row));
            }

            return known;
        }

        if ((name ?? cells.Required(RegisterColumn.ObjectName)) is null || !cells.FitsIn(RegisterColumn.ObjectName, name, 200))
        {
            return null;
        }

        var created = new ObjectDraft(code!, name!, ObjectTypeRule.Infer(name!, code!), cells.Source);
        Draft.Objects.Add(created.Code, created);
        return created;
    }

    private static UnitDraft? StartUnit(RowCells cells, ObjectDraft owner, string? name)
    {
        if ((name ?? cells.Required(RegisterColumn.UnitName)) is null || !cells.FitsIn(RegisterColumn.UnitName, name, 200))
        {
            return null;
        }

        if (!owner.Units.TryGetValue(name!, out var unit))
        {
            unit = new UnitDraft(name!, cells.Source);
            owner.Units.Add(unit.Name, unit);
        }

        return unit;
    }

    /// <summary>The unit's 应急电话 and 应急处置措施 (its 风险告知卡), from the first of its rows that states each.</summary>
    private static void ReadEmergency(RowCells cells, UnitDraft unit)
    {
        if (unit.EmergencyPhone is null && cells.Text(RegisterColumn.EmergencyPhone) is { } phone)
        {
            if (RiskAnalysisUnitDetailsValidator.IsPhone(phone))
            {
                unit.EmergencyPhone = phone.Trim();
            }
            else
            {
                cells.Error(RegisterColumn.EmergencyPhone, CoreText.Get("RiskUnit.EmergencyPhone.Format", RiskAnalysisUnitDetailsValidator.EmergencyPhoneMaxLength));
            }
        }

        if (unit.EmergencyMeasures is null && cells.Text(RegisterColumn.EmergencyMeasures) is { } measures
            && cells.FitsIn(RegisterColumn.EmergencyMeasures, measures, RiskAnalysisUnitDetailsValidator.EmergencyMeasuresMaxLength))
        {
            unit.EmergencyMeasures = measures;
        }
    }

    private EventDraft? StartEvent(RowCells cells, UnitDraft owner, string? name)
    {
        if (cells.Required(RegisterColumn.EventName) is null || !cells.FitsIn(RegisterColumn.EventName, name, 500))
        {
            return null;
        }

        if (owner.Events.TryGetValue(name!, out var known))
        {
            CompareWithEvent(cells, known);
            return known;
        }

        var errors = cells.Errors;
        var created = new EventDraft(name!, cells.Source);
        foreach (var field in EventColumns)
        {
            created.Stated[field] = cells.Text(field);
        }

        var accidentType = created.Stated[RegisterColumn.AccidentType];
        if (cells.FitsIn(RegisterColumn.AccidentType, accidentType, 100))
        {
            created.AccidentType = accidentType;
        }

        created.IdentifiedOn = ReadDate(cells, RegisterColumn.IdentificationDate);
        Assess(cells, created, errors);
        owner.Events.Add(created.Name, created);
        return created;
    }

    /// <summary>A later row of an event that states the event's cells differently keeps the first statement, with a warning.</summary>
    private static void CompareWithEvent(RowCells cells, EventDraft riskEvent)
    {
        foreach (var field in EventColumns)
        {
            var text = cells.Text(field);
            var first = riskEvent.Stated.GetValueOrDefault(field);
            if (text is not null && text != first)
            {
                cells.Warning(field, CoreText.Get("Import.Event.ValueConflict", cells.HeaderOf(field), riskEvent.Name, text, first ?? "", riskEvent.Source.Row));
            }
        }
    }

    /// <param name="errors">The row's error count before the event's cells were read.</param>
    private void Assess(RowCells cells, EventDraft riskEvent, int errors)
    {
        if (!cells.IsMapped(RegisterColumn.Likelihood))
        {
            return;
        }

        var l = cells.Number(RegisterColumn.Likelihood);
        var s = cells.Number(RegisterColumn.Severity);
        var e = cells.Number(RegisterColumn.Exposure);
        var c = cells.Number(RegisterColumn.Consequence);
        var method = cells.Word(RegisterColumn.Method, RegisterWords.Method);
        if (method is null && cells.Errors == errors)
        {
            method = e is not null && c is not null && s is null ? AssessmentMethod.LEC : AssessmentMethod.LS;
            if (cells.IsMapped(RegisterColumn.Method))
            {
                cells.Warning(RegisterColumn.Method, CoreText.Get("Import.Event.MethodAssumed", RiskRegisterLayout.MethodWords[method.Value]));
            }
        }

        if (method is not { } m || cells.Errors > errors)
        {
            return;
        }

        if (RiskGrading.Problem(m, l, s, e, c) is { } scale)
        {
            cells.Error(RegisterColumn.Likelihood, scale);
            return;
        }

        var lec = m == AssessmentMethod.LEC;
        var input = new RiskAssessmentInput(m, l, lec ? null : s, lec ? e : null, lec ? c : null);
        var score = RiskGrading.Score(m, input.L, input.S, input.E, input.C);
        var table = bands[m];
        var level = table.Classify(score);
        CompareStatedGrade(cells, riskEvent, m, score, level);
        riskEvent.Input = input;
        riskEvent.Bands = table;
    }

    private static void CompareStatedGrade(RowCells cells, EventDraft riskEvent, AssessmentMethod method, decimal score, RiskLevel level)
    {
        var scoreName = method == AssessmentMethod.LEC ? "D = L × E × C" : "R = L × S";
        if (riskEvent.Stated[RegisterColumn.Score] is { } statedScore)
        {
            var stated = CellText.NumberOf(statedScore);
            if (stated is null || Math.Round(stated.Value, 2) != score)
            {
                cells.Warning(RegisterColumn.Score, CoreText.Get("Import.Event.ScoreDiffers", statedScore, scoreName, Format(score)));
            }
        }

        if (riskEvent.Stated[RegisterColumn.Level] is { } statedLevel)
        {
            var stated = RegisterWords.Level(statedLevel);
            if (stated is null)
            {
                cells.Warning(RegisterColumn.Level, CoreText.Get("Import.Event.LevelUnknown", statedLevel, RiskRegisterLayout.LevelWords[level]));
            }
            else if (stated != level)
            {
                cells.Warning(RegisterColumn.Level, CoreText.Get("Import.Event.LevelDiffers", statedLevel, Format(score), RiskRegisterLayout.LevelWords[level]));
            }
        }
    }

    private void ReadMeasure(RowCells cells, EventDraft riskEvent)
    {
        var errors = cells.Errors;
        var description = cells.Required(RegisterColumn.MeasureDescription);
        var classify1 = cells.Word(RegisterColumn.Classify1, RegisterWords.Classify1);
        var classify2Text = cells.Text(RegisterColumn.Classify2)
            ?? (description is null ? null : MeasureClassRule.Infer(description) ?? cells.Ask(RegisterColumn.Classify2));
        var classify2 = classify2Text is null ? null : RegisterWords.Classify2(classify2Text, classify1);
        if (classify2Text is not null && classify2 is null)
        {
            var names = classify1 is { } c1 ? string.Join("、", MeasureClassification.Classify2.Where(e => e.Value.Classify1 == c1).Select(e => e.Value.Name)) : "x-y";
            cells.Error(RegisterColumn.Classify2, CoreText.Get("Import.Cell.Unknown", classify2Text, cells.HeaderOf(RegisterColumn.Classify2), names));
        }

        classify1 ??= classify2 is null ? null : (MeasureClassify1)(classify2[0] - '0');
        // A list without the column lists what people inspect (docs/domain/dual-prevention.md#35-control-measure).
        var dataSource = cells.IsMapped(RegisterColumn.DataSource) ? cells.Word(RegisterColumn.DataSource, RegisterWords.DataSource) : ControlDataSource.ManualInspection;
        if (dataSource is null)
        {
            cells.Required(RegisterColumn.DataSource);
        }

        var cycle = ReadCycle(cells);
        var department = cells.Text(RegisterColumn.ResponsibleDepartment) ?? cells.AskedText(RegisterColumn.ResponsibleDepartment);
        var controlLevel = cells.AskedWord(RegisterColumn.ControlLevel, RegisterWords.ControlLevelOf);
        if (controlLevel is null && cells.IsMapped(RegisterColumn.ControlLevel))
        {
            cells.Required(RegisterColumn.ControlLevel);
        }

        var taskType = cells.Word(RegisterColumn.TaskType, RegisterWords.TaskType) ?? InspectionTaskType.Routine;
        var itemNo = ReadItemNo(cells, taskType);
        var workStart = ReadTime(cells, RegisterColumn.WorkStartTime);
        var workEnd = ReadTime(cells, RegisterColumn.WorkEndTime);
        var workDayType = cells.Word(RegisterColumn.WorkDayType, RegisterWords.WorkDayTypeOf) ?? WorkDayType.EveryDay;
        if (cells.Errors > errors || description is null || classify1 is null || classify2 is null || dataSource is null || cycle is null || controlLevel is null)
        {
            return;
        }

        var details = new ControlMeasureDetails(
            description, classify1.Value, classify2, cells.Text(RegisterColumn.Classify3), dataSource.Value, cells.Text(RegisterColumn.InspectionContent) ?? description,
            cycle.Value.Value, cycle.Value.Unit, workStart, workEnd, workDayType, taskType, itemNo, controlLevel.Value,
            department, cells.Text(RegisterColumn.ResponsiblePerson)).Normalized();
        var validation = _validator.Validate(details);
        foreach (var failure in validation.Errors)
        {
            cells.Error(FieldOf(failure.PropertyName), failure.ErrorMessage);
        }

        if (!validation.IsValid)
        {
            return;
        }

        if (riskEvent.Measures.TryGetValue(details.Description, out var earlier))
        {
            var key = earlier.Details == details ? "Import.Measure.Duplicate" : "Import.Measure.DuplicateConflict";
            var severity = earlier.Details == details ? ImportSeverity.Warning : ImportSeverity.Error;
            var message = CoreText.Get(key, earlier.Source.Row);
            if (severity == ImportSeverity.Error)
            {
                cells.Error(RegisterColumn.MeasureDescription, message);
            }
            else
            {
                cells.Warning(RegisterColumn.MeasureDescription, message);
            }

            return;
        }

        riskEvent.Measures.Add(details.Description, new MeasureDraft(details, cells.Source));
    }

    /// <summary>排查周期 × the unit's factor (周 → 7 天, 季 → 3 月); "1天" or "每周" in the cycle cell when the unit column is empty.</summary>
    private static (int Value, CycleUnit Unit)? ReadCycle(RowCells cells)
    {
        if (!cells.IsMapped(RegisterColumn.CycleValue))
        {
            return cells.AskedWord<(int, CycleUnit)>(RegisterColumn.CycleValue, t => RegisterWords.CombinedCycle(t) is { } c ? (c.Value * c.Factor, c.Unit) : null);
        }

        var valueText = cells.Text(RegisterColumn.CycleValue);
        var unitText = cells.Text(RegisterColumn.CycleUnit);
        if (valueText is not null && unitText is null && RegisterWords.CombinedCycle(valueText) is { } combined)
        {
            return (combined.Value * combined.Factor, combined.Unit);
        }

        var value = cells.Number(RegisterColumn.CycleValue);
        if (valueText is null)
        {
            cells.Required(RegisterColumn.CycleValue);
        }
        else if (value is not { } v || v <= 0 || v != decimal.Truncate(v) || v > Risks.Register.ControlMeasureDetailsValidator.MaximumCycleValue)
        {
            if (value is not null)
            {
                cells.Error(RegisterColumn.CycleValue, CoreText.Get("Measure.Cycle.Positive", Risks.Register.ControlMeasureDetailsValidator.MaximumCycleValue));
            }

            return null;
        }

        var unit = cells.Word(RegisterColumn.CycleUnit, RegisterWords.CycleUnitOf);
        if (unitText is null)
        {
            cells.Required(RegisterColumn.CycleUnit);
        }

        if (value is { } count && unit is { } u)
        {
            // Weeks and quarters are stored as days and months (docs/domain/dual-prevention.md#52-cycles-and-cycle-units): the stored value keeps the range too.
            if ((int)count * u.Factor > Risks.Register.ControlMeasureDetailsValidator.MaximumCycleValue)
            {
                cells.Error(RegisterColumn.CycleValue, CoreText.Get("Measure.Cycle.Positive", Risks.Register.ControlMeasureDetailsValidator.MaximumCycleValue));
                return null;
            }

            return ((int)count * u.Factor, u.Unit);
        }

        return null;
    }

    private static short? ReadItemNo(RowCells cells, InspectionTaskType taskType)
    {
        var item = cells.Number(RegisterColumn.AccountabilityItemNo);
        if (item is { } n && (n != decimal.Truncate(n) || n is < 1 or > 10))
        {
            cells.Error(RegisterColumn.AccountabilityItemNo, CoreText.Get("Import.Cell.NotANumber", CellText.Of(cells.Raw(RegisterColumn.AccountabilityItemNo))));
            return null;
        }

        if (item is null && taskType != InspectionTaskType.Routine)
        {
            cells.Warning(RegisterColumn.AccountabilityItemNo, CoreText.Get("Import.Measure.AccountabilityItemMissing", RiskRegisterLayout.TaskTypeWords[taskType]));
        }

        return item is { } value ? (short)value : null;
    }

    private static TimeOnly? ReadTime(RowCells cells, RegisterColumn field)
    {
        var raw = cells.Raw(field);
        var time = CellText.TimeOf(raw);
        if (raw is not null && time is null)
        {
            cells.Error(field, CoreText.Get("Import.Cell.NotATime", CellText.Of(raw)));
        }

        return time;
    }

    private static DateOnly? ReadDate(RowCells cells, RegisterColumn field)
    {
        var raw = cells.Raw(field);
        var date = LedgerWords.Date(raw);
        if (raw is not null && date is null)
        {
            cells.Error(field, CoreText.Get("Import.Ledger.NotADate", CellText.Of(raw)));
        }
        else if (date is { } d && !WorldDates.Contains(d))
        {
            cells.Error(field, WorldDates.Refusal());
            return null;
        }

        return date;
    }

    private static RegisterColumn FieldOf(string property) => property switch
    {
        nameof(ControlMeasureDetails.Description) => RegisterColumn.MeasureDescription,
        nameof(ControlMeasureDetails.AccountabilityItemNo) => RegisterColumn.AccountabilityItemNo,
        _ => Enum.TryParse<RegisterColumn>(property, out var field) ? field : RegisterColumn.MeasureDescription,
    };

    private static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>What the rows above left open: the current object, unit and event, by the text that named them.</summary>
    private sealed class Context
    {
        public bool HasObject { get; private set; }

        public bool HasUnit { get; private set; }

        public bool HasEvent { get; private set; }

        public string? ObjectCode { get; private set; }

        public string? ObjectName { get; private set; }

        public string? UnitName { get; private set; }

        public string? EventName { get; private set; }

        public ObjectDraft? Object { get; private set; }

        public UnitDraft? Unit { get; private set; }

        public EventDraft? Event { get; private set; }

        public void StartObject(string? code, string? name, ObjectDraft? draft)
        {
            (HasObject, ObjectCode, ObjectName, Object) = (true, code ?? draft?.Code, name ?? draft?.Name, draft);
            (HasUnit, UnitName, Unit, HasEvent, EventName, Event) = (false, null, null, false, null, null);
        }

        public void StartUnit(string? name, UnitDraft? draft)
        {
            (HasUnit, UnitName, Unit) = (true, name, draft);
            (HasEvent, EventName, Event) = (false, null, null);
        }

        public void StartEvent(string? name, EventDraft? draft) => (HasEvent, EventName, Event) = (true, name, draft);
    }
}
