using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Imports;

/// <summary>
/// The register as a workbook states it, after fill-down and validation: objects by code, units by name within
/// their object, events by name within their unit, measures by description within their event — the natural
/// key the commit upserts by.
/// </summary>
internal sealed class RegisterDraft
{
    public Dictionary<string, ObjectDraft> Objects { get; } = new(StringComparer.Ordinal);

    public int UnitCount => Objects.Values.Sum(o => o.Units.Count);

    public int EventCount => Objects.Values.Sum(o => o.Units.Values.Sum(u => u.Events.Count));

    public int MeasureCount => Objects.Values.Sum(o => o.Units.Values.Sum(u => u.Events.Values.Sum(e => e.Measures.Count)));
}

/// <summary>Where a draft row was first stated, for messages.</summary>
internal readonly record struct SourceRow(string Sheet, int Row);

internal sealed class ObjectDraft(string code, string name, RiskObjectType type, SourceRow source)
{
    public string Code { get; } = code;

    public string Name { get; } = name;

    public RiskObjectType Type { get; } = type;

    public SourceRow Source { get; } = source;

    public Dictionary<string, UnitDraft> Units { get; } = new(StringComparer.Ordinal);
}

internal sealed class UnitDraft(string name, SourceRow source)
{
    public string Name { get; } = name;

    public SourceRow Source { get; } = source;

    /// <summary>应急电话 as the first row of the unit stating one gives it.</summary>
    public string? EmergencyPhone { get; set; }

    /// <summary>应急处置措施 as the first row of the unit stating them gives them.</summary>
    public string? EmergencyMeasures { get; set; }

    public Dictionary<string, EventDraft> Events { get; } = new(StringComparer.Ordinal);
}

/// <summary>An event with its graded assessment; <see cref="Input"/> is null when the inputs had errors.</summary>
internal sealed class EventDraft(string name, SourceRow source)
{
    public string Name { get; } = name;

    public SourceRow Source { get; } = source;

    public string? AccidentType { get; set; }

    /// <summary>辨识日期 as the list states it.</summary>
    public DateOnly? IdentifiedOn { get; set; }

    public RiskAssessmentInput? Input { get; set; }

    public RiskBandTable? Bands { get; set; }

    /// <summary>The event's cells as first stated (field → text), to spot rows of the same event that disagree.</summary>
    public Dictionary<RegisterColumn, string?> Stated { get; } = [];

    public Dictionary<string, MeasureDraft> Measures { get; } = new(StringComparer.Ordinal);
}

internal sealed record MeasureDraft(ControlMeasureDetails Details, SourceRow Source);
