using DualPrevention.Core.Auditing;

namespace DualPrevention.Core.Risks.Grading;

/// <summary>
/// A region's direct-judgement (直接判定) rule, versioned like <see cref="RiskBandTable"/> (ADR 0033): when its condition
/// holds for a risk event, the event's level is at least <see cref="Level"/> whatever its score. The province issues the
/// default, a city may override it (or switch it off) for its enterprises; each change is a new version from its
/// effective time on, and old assessments keep the rule they were graded with.
/// </summary>
public sealed class DirectJudgementRule : IAudited
{
    private DirectJudgementRule()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Province (PP0000) or city (PPCC00) code (GB/T 2260) the rule applies in.</summary>
    public string RegionCode { get; private set; } = "";

    public DirectJudgementCondition Condition { get; private set; }

    /// <summary>1, 2, … per (region, condition).</summary>
    public int Version { get; private set; }

    /// <summary>The level a matching event is lifted to (never lowered): 重大, 较大 or 一般.</summary>
    public RiskLevel Level { get; private set; }

    /// <summary>False when this version switches the condition off in its region (a city declining the province's rule).</summary>
    public bool IsEnabled { get; private set; }

    /// <summary>UTC from which this version applies.</summary>
    public DateTimeOffset EffectiveFrom { get; private set; }

    /// <summary>Who issued the version (user name), shown beside it; the audit trail keeps the same.</summary>
    public string IssuedBy { get; private set; } = "";

    /// <summary>UTC.</summary>
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>
    /// The province default seeded with the platform: a unit holding a level-1 or level-2 major hazard source is graded
    /// 重大 (docs/domain/direct-judgement.md#2-rules-seen).
    /// </summary>
    public static (DirectJudgementCondition Condition, RiskLevel Level) ProvinceDefault { get; } =
        (DirectJudgementCondition.HoldsLevel1Or2MajorHazardSource, RiskLevel.Major);

    public static DirectJudgementRule Create(
        string regionCode, DirectJudgementCondition condition, int version, RiskLevel level, bool isEnabled, DateTimeOffset effectiveFrom, string issuedBy, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            RegionCode = regionCode,
            Condition = condition,
            Version = version,
            Level = level,
            IsEnabled = isEnabled,
            EffectiveFrom = effectiveFrom,
            IssuedBy = issuedBy,
            IssuedAt = now,
        };

    /// <summary>True when the rule is on and its condition holds for an event whose object holds <paramref name="majorHazardLevel"/> (null: none).</summary>
    public bool Matches(MajorHazardLevel? majorHazardLevel) => IsEnabled && Condition switch
    {
        DirectJudgementCondition.HoldsLevel1Or2MajorHazardSource => majorHazardLevel is MajorHazardLevel.Level1 or MajorHazardLevel.Level2,
        DirectJudgementCondition.HoldsMajorHazardSource => majorHazardLevel is not null,
    };

    (Guid? EnterpriseId, string? RegionCode) IAudited.AuditOwner() => (null, RegionCode);
}
