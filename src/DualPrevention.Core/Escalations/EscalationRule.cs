using DualPrevention.Core.HiddenDangers;

namespace DualPrevention.Core.Escalations;

/// <summary>
/// One step of the escalation ladder (docs/domain/dual-prevention.md#81-the-escalation-ladder), reference data: the
/// province's defaults (RegionCode 370000) and a city's overrides (its code), which replace the province's step of the
/// same <see cref="StepCode"/>.
/// </summary>
public sealed class EscalationRule
{
    public int Id { get; private set; }

    /// <summary>GB/T 2260 code of the province (defaults) or a city (overrides).</summary>
    public string RegionCode { get; private set; } = "";

    /// <summary>Stable name of the step, e.g. "remind-3d", "overdue-7d-city"; one record per item and step.</summary>
    public string StepCode { get; private set; } = "";

    /// <summary>Only hidden dangers of this level; null for both levels and for missed windows.</summary>
    public HiddenDangerLevel? Level { get; private set; }

    public EscalationTrigger Trigger { get; private set; }

    /// <summary>Days before/after the deadline, or the missed-window threshold per week.</summary>
    public int Days { get; private set; }

    public EscalationTarget Target { get; private set; }

    /// <summary>An override may switch a province step off.</summary>
    public bool IsActive { get; private set; } = true;

    public static EscalationRule Create(string regionCode, string stepCode, HiddenDangerLevel? level, EscalationTrigger trigger, int days, EscalationTarget target, bool isActive = true) =>
        new() { RegionCode = regionCode, StepCode = stepCode, Level = level, Trigger = trigger, Days = days, Target = target, IsActive = isActive };

    public void Update(HiddenDangerLevel? level, EscalationTrigger trigger, int days, EscalationTarget target, bool isActive)
    {
        Level = level;
        Trigger = trigger;
        Days = days;
        Target = target;
        IsActive = isActive;
    }
}
