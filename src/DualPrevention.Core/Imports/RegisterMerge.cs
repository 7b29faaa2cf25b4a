using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Imports;

/// <summary>
/// Plans the upsert of a draft into the existing register by natural key — object code; unit name within the
/// object; event name within the unit; measure description within the event — so that re-importing a list
/// updates instead of duplicating, and re-importing the same list changes nothing. Rows the file does not list
/// are left alone. Where a key matches a live row and soft-deleted ones, the live row wins; else the latest
/// deleted one is restored. Events are graded like the register's forms do: by the band table, lifted by the
/// direct-judgement rules in force (ADR 0033) for the major hazard source their object is linked to.
/// </summary>
/// <param name="rules">The direct-judgement rules in force for the enterprise.</param>
/// <param name="sourceLevels">The level of each of the enterprise's major hazard sources, by id.</param>
internal sealed class RegisterMerge(
    Guid enterpriseId, string regionCode, string assessedBy, DateTimeOffset now,
    IReadOnlyList<DirectJudgementRule> rules, IReadOnlyDictionary<Guid, MajorHazardLevel> sourceLevels)
{
    private readonly RegisterChanges _changes = new();
    private readonly Tally _objects = new();
    private readonly Tally _units = new();
    private readonly Tally _events = new();
    private readonly Tally _measures = new();

    public RegisterChanges Plan(RegisterDraft draft, ExistingRegister existing)
    {
        var objects = Index(existing.Objects, o => o.HazardCode);
        var units = Index(existing.Units, u => (u.ObjectId, u.Name));
        var events = Index(existing.Events, e => (e.UnitId, e.Name));
        var measures = Index(existing.Measures, m => (m.EventId, m.Description));
        var touched = new HashSet<Guid>();

        foreach (var objectDraft in draft.Objects.Values)
        {
            var riskObject = MergeObject(objectDraft, objects.GetValueOrDefault(objectDraft.Code));
            touched.Add(riskObject.Id);
            foreach (var unitDraft in objectDraft.Units.Values)
            {
                var unit = MergeUnit(unitDraft, riskObject.Id, units.GetValueOrDefault((riskObject.Id, unitDraft.Name)));
                touched.Add(unit.Id);
                foreach (var eventDraft in unitDraft.Events.Values)
                {
                    var judgement = new DirectJudgement(rules, riskObject.MajorHazardSourceId is { } source && sourceLevels.TryGetValue(source, out var level) ? level : null);
                    var riskEvent = MergeEvent(eventDraft, unit.Id, events.GetValueOrDefault((unit.Id, eventDraft.Name)), judgement);
                    touched.Add(riskEvent.Id);
                    foreach (var measureDraft in eventDraft.Measures.Values)
                    {
                        var measure = MergeMeasure(measureDraft, riskEvent.Id, measures.GetValueOrDefault((riskEvent.Id, measureDraft.Details.Description)));
                        touched.Add(measure.Id);
                    }
                }
            }
        }

        _changes.ObjectCounts = _objects.Counts(existing.Objects, touched);
        _changes.UnitCounts = _units.Counts(existing.Units, touched);
        _changes.EventCounts = _events.Counts(existing.Events, touched);
        _changes.MeasureCounts = _measures.Counts(existing.Measures, touched);
        return _changes;
    }

    private RiskAnalysisObject MergeObject(ObjectDraft draft, RiskAnalysisObject? existing)
    {
        if (existing is null)
        {
            var created = RiskAnalysisObject.Create(enterpriseId, regionCode, new RiskAnalysisObjectDetails(draft.Type, draft.Code, draft.Name, null, null, null), now);
            return Added(_changes.Objects, _objects, created);
        }

        // The file has no type, department or liable person: an existing object keeps its own.
        var changed = Restore(existing) | existing.Update(existing.ToDetails() with { Name = draft.Name }, now);
        return Kept(_changes.Objects, _objects, existing, changed);
    }

    private RiskAnalysisUnit MergeUnit(UnitDraft draft, Guid objectId, RiskAnalysisUnit? existing)
    {
        if (existing is null)
        {
            var details = new RiskAnalysisUnitDetails(draft.Name, null, null, draft.EmergencyPhone, draft.EmergencyMeasures);
            return Added(_changes.Units, _units, RiskAnalysisUnit.Create(enterpriseId, regionCode, objectId, details, now));
        }

        // The file has no department or liable person of the unit, and a file without the emergency columns keeps the unit's own.
        var stated = existing.ToDetails() with
        {
            EmergencyPhone = draft.EmergencyPhone ?? existing.EmergencyPhone,
            EmergencyMeasures = draft.EmergencyMeasures ?? existing.EmergencyMeasures,
        };
        var changed = Restore(existing) | existing.Update(stated, now);
        return Kept(_changes.Units, _units, existing, changed);
    }

    private RiskEvent MergeEvent(EventDraft draft, Guid unitId, RiskEvent? existing, DirectJudgement judgement)
    {
        var riskEvent = existing ?? RiskEvent.Create(enterpriseId, regionCode, unitId, draft.Name, draft.AccidentType, now);
        var changed = existing is not null && (Restore(existing) | existing.Describe(draft.Name, draft.AccidentType, now));
        changed |= riskEvent.Identified(draft.IdentifiedOn, now) && existing is not null;

        // An event whose inputs had errors is not graded; such a draft never reaches a commit.
        if (draft.Input is { } input && draft.Bands is { } bands && !riskEvent.IsAssessedAs(input))
        {
            _changes.Assessments.Add(riskEvent.Assess(input, bands, assessedBy, now, judgement));
            changed = true;
        }

        return existing is null ? Added(_changes.Events, _events, riskEvent) : Kept(_changes.Events, _events, existing, changed);
    }

    private ControlMeasure MergeMeasure(MeasureDraft draft, Guid eventId, ControlMeasure? existing)
    {
        if (existing is null)
        {
            return Added(_changes.Measures, _measures, ControlMeasure.Create(enterpriseId, regionCode, eventId, draft.Details, now));
        }

        var changed = Restore(existing) | existing.Update(draft.Details, now);
        return Kept(_changes.Measures, _measures, existing, changed);
    }

    private bool Restore(RegisterRow row)
    {
        if (!row.IsDeleted)
        {
            return false;
        }

        row.Restore(now);
        return true;
    }

    private static T Added<T>(List<T> writes, Tally tally, T row)
    {
        writes.Add(row);
        tally.New++;
        return row;
    }

    private static T Kept<T>(List<T> writes, Tally tally, T row, bool changed)
    {
        if (changed)
        {
            writes.Add(row);
            tally.Updated++;
        }
        else
        {
            tally.Unchanged++;
        }

        return row;
    }

    /// <summary>Natural key → the row it names: the live one, else the most recently deleted.</summary>
    private static Dictionary<TKey, T> Index<T, TKey>(IEnumerable<T> rows, Func<T, TKey> key)
        where T : RegisterRow
        where TKey : notnull =>
        rows.GroupBy(key).ToDictionary(g => g.Key, g => g.OrderBy(r => r.IsDeleted).ThenByDescending(r => r.UpdatedAt).First());

    private sealed class Tally
    {
        public int New { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }

        public LevelCounts Counts(IEnumerable<RegisterRow> existing, HashSet<Guid> touched) =>
            new(New, Updated, Unchanged, existing.Count(r => !r.IsDeleted && !touched.Contains(r.Id)));
    }
}
