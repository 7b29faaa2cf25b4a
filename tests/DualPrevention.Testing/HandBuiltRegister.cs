using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Testing;

/// <summary>
/// A risk register typed in by a test through the entities, saved on the owner connection:
/// <c>register.AnalysisObject("C1", "罐区").Unit("1#罐").Event("泄漏", "火灾", l: 4, s: 5).Measure("液位报警")</c>.
/// Each call adds below the last object, unit or event added.
/// </summary>
public sealed class HandBuiltRegister
{
    private readonly TestDatabase _database;
    private readonly string _regionCode;
    private readonly RiskBandTable _lsBands;
    private readonly DateTimeOffset _now;
    private readonly List<object> _rows = [];
    private RiskAnalysisObject? _object;
    private RiskAnalysisUnit? _unit;
    private RiskEvent? _event;

    private HandBuiltRegister(TestDatabase database, Guid enterpriseId, string regionCode, RiskBandTable lsBands)
    {
        _database = database;
        EnterpriseId = enterpriseId;
        _regionCode = regionCode;
        _lsBands = lsBands;
        _now = database.Clock.GetUtcNow();
    }

    public Guid EnterpriseId { get; }

    /// <summary>Ids of the units added, by name.</summary>
    public Dictionary<string, Guid> Units { get; } = [];

    /// <summary>Ids of the measures added, by description.</summary>
    public Dictionary<string, Guid> Measures { get; } = [];

    /// <summary>A measure as most tests need it: engineering / process control, inspected daily by people.</summary>
    public static ControlMeasureDetails DailyCheck(string description) => new(
        description, MeasureClassify1.Engineering, "1-1", null, ControlDataSource.ManualInspection, $"检查：{description}", 1, CycleUnit.Day,
        null, null, WorkDayType.EveryDay, InspectionTaskType.Routine, null, ControlLevel.Team, "生产部", "张工");

    /// <summary>A measure inspected by people every <paramref name="cycleValue"/> <paramref name="cycleUnit"/>s, within work hours and on the given days.</summary>
    public static ControlMeasureDetails Check(
        string description, int cycleValue, CycleUnit cycleUnit, TimeOnly? workStart = null, TimeOnly? workEnd = null, WorkDayType workDays = WorkDayType.EveryDay) =>
        DailyCheck(description) with { CycleValue = cycleValue, CycleUnit = cycleUnit, WorkStartTime = workStart, WorkEndTime = workEnd, WorkDayType = workDays };

    public static async Task<HandBuiltRegister> ForAsync(TestDatabase database, Guid enterpriseId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync();
        var bands = await BandTables.InForceAsync(db, AssessmentMethod.LS, regionCode, database.Clock.GetUtcNow(), CancellationToken.None);
        return new HandBuiltRegister(database, enterpriseId, regionCode, bands);
    }

    public HandBuiltRegister AnalysisObject(string code, string name, string? department = null, string? liablePerson = null)
    {
        _object = Add(RiskAnalysisObject.Create(EnterpriseId, _regionCode, new RiskAnalysisObjectDetails(RiskObjectType.MajorHazardSource, code, name, department, liablePerson, null), _now));
        return this;
    }

    public HandBuiltRegister Unit(
        string name, string? department = null, string? liablePerson = null, string? emergencyPhone = null, string? emergencyMeasures = null)
    {
        var details = new RiskAnalysisUnitDetails(name, department, liablePerson, emergencyPhone, emergencyMeasures);
        _unit = Add(RiskAnalysisUnit.Create(EnterpriseId, _regionCode, _object!.Id, details, _now));
        Units[name] = _unit.Id;
        return this;
    }

    /// <summary>An event assessed by LS (R = L × S) under the province's bands: R ≥ 20 重大, ≥ 15 较大, ≥ 9 一般, else 低.</summary>
    public HandBuiltRegister Event(string name, string? accidentType, int l, int s)
    {
        _event = Add(RiskEvent.Create(EnterpriseId, _regionCode, _unit!.Id, name, accidentType, _now));
        Add(_event.Assess(new RiskAssessmentInput(AssessmentMethod.LS, l, s, null, null), _lsBands, "test", _now));
        return this;
    }

    public HandBuiltRegister Measure(string description) => Measure(DailyCheck(description));

    public HandBuiltRegister Measure(ControlMeasureDetails details)
    {
        Measures[details.Description] = Add(ControlMeasure.Create(EnterpriseId, _regionCode, _event!.Id, details, _now)).Id;
        return this;
    }

    public async Task<HandBuiltRegister> SaveAsync()
    {
        await using var db = _database.OwnerContext(TenantScope.System);
        db.AddRange(_rows);
        await db.SaveChangesAsync();
        _rows.Clear();
        return this;
    }

    private T Add<T>(T row)
        where T : class
    {
        _rows.Add(row);
        return row;
    }
}
