using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Imports;

/// <summary>How one level of the register fares in an import.</summary>
/// <param name="NotInFile">Rows already in the register that the file does not list; an import never deletes them.</param>
public sealed record LevelCounts(int New, int Updated, int Unchanged, int NotInFile);

/// <summary>
/// What committing a <see cref="RegisterDraft"/> changes: the rows to insert and the rows to update (already
/// modified through their entities' own methods), new assessment history rows, and the counts per level.
/// </summary>
internal sealed class RegisterChanges
{
    public List<RiskAnalysisObject> Objects { get; } = [];

    public List<RiskAnalysisUnit> Units { get; } = [];

    public List<RiskEvent> Events { get; } = [];

    public List<ControlMeasure> Measures { get; } = [];

    public List<RiskAssessment> Assessments { get; } = [];

    public LevelCounts ObjectCounts { get; set; } = new(0, 0, 0, 0);

    public LevelCounts UnitCounts { get; set; } = new(0, 0, 0, 0);

    public LevelCounts EventCounts { get; set; } = new(0, 0, 0, 0);

    public LevelCounts MeasureCounts { get; set; } = new(0, 0, 0, 0);

    public int Created => ObjectCounts.New + UnitCounts.New + EventCounts.New + MeasureCounts.New;

    public int Updated => ObjectCounts.Updated + UnitCounts.Updated + EventCounts.Updated + MeasureCounts.Updated;

    public int Unchanged => ObjectCounts.Unchanged + UnitCounts.Unchanged + EventCounts.Unchanged + MeasureCounts.Unchanged;

    public bool IsEmpty => Objects.Count + Units.Count + Events.Count + Measures.Count + Assessments.Count == 0;
}
