using DualPrevention.Core.Risks.Grading;

namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// 安全风险事件 (docs/domain/dual-prevention.md#34-risk-event): an accident scenario of a unit, with its current assessment.
/// The score and level are computed from the inputs and the band table in force; every assessment is kept in
/// <see cref="RiskAssessment"/>.
/// </summary>
public sealed class RiskEvent : RegisterRow
{
    public Guid UnitId { get; private set; }

    /// <summary>Unique among the unit's events; part of the natural key.</summary>
    public string Name { get; private set; } = "";

    /// <summary>事故类型 (GB 6441 categories, several separated by 、).</summary>
    public string? AccidentType { get; private set; }

    public AssessmentMethod Method { get; private set; }

    /// <summary>L: 1–5 for LS and the matrix; the LEC likelihood scale otherwise.</summary>
    public decimal? L { get; private set; }

    /// <summary>S: severity 1–5 (LS, matrix).</summary>
    public decimal? S { get; private set; }

    /// <summary>E: exposure (LEC).</summary>
    public decimal? E { get; private set; }

    /// <summary>C: consequence (LEC).</summary>
    public decimal? C { get; private set; }

    /// <summary>R = L × S or D = L × E × C.</summary>
    public decimal Score { get; private set; }

    public RiskLevel Level { get; private set; }

    /// <summary>The band table the level was computed with.</summary>
    public Guid BandTableId { get; private set; }

    /// <summary>The direct-judgement rule that lifted the level above its band (ADR 0033), or null when the band decided.</summary>
    public Guid? DirectJudgementRuleId { get; private set; }

    /// <summary>辨识日期: the day the event was identified, as the enterprise's list states it (Asia/Shanghai calendar day).</summary>
    public DateOnly? IdentifiedOn { get; private set; }

    public static RiskEvent Create(Guid enterpriseId, string regionCode, Guid unitId, string name, string? accidentType, DateTimeOffset now)
    {
        var row = new RiskEvent { UnitId = unitId, Name = name.Trim(), AccidentType = Text.OrNull(accidentType) };
        row.Own(Guid.CreateVersion7(), enterpriseId, regionCode, now);
        return row;
    }

    /// <summary>Renames; returns whether anything changed.</summary>
    public bool Describe(string name, string? accidentType, DateTimeOffset now)
    {
        var (n, a) = (name.Trim(), Text.OrNull(accidentType));
        if (n == Name && a == AccidentType)
        {
            return false;
        }

        Name = n;
        AccidentType = a;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Records the identification date a list states; returns whether it changed. A list without one keeps the date known.</summary>
    public bool Identified(DateOnly? on, DateTimeOffset now)
    {
        if (on is null || on == IdentifiedOn)
        {
            return false;
        }

        IdentifiedOn = on;
        UpdatedAt = now;
        return true;
    }

    /// <summary>True when <paramref name="input"/> equals the current assessment's inputs.</summary>
    public bool IsAssessedAs(RiskAssessmentInput input) =>
        BandTableId != Guid.Empty && Method == input.Method && L == input.L && S == input.S && E == input.E && C == input.C;

    /// <summary>
    /// Computes score and level from the inputs under <paramref name="bands"/>, lifted by the direct-judgement rule that
    /// matches (never lowered, ADR 0033), and returns the history row.
    /// </summary>
    /// <param name="judgement">The rules in force and the facts they judge; null grades by the band alone.</param>
    /// <exception cref="DomainRuleException">The inputs are not on the method's scales.</exception>
    public RiskAssessment Assess(RiskAssessmentInput input, RiskBandTable bands, string assessedBy, DateTimeOffset now, DirectJudgement? judgement = null)
    {
        var score = RiskGrading.Score(input.Method, input.L, input.S, input.E, input.C);
        Method = input.Method;
        var lec = input.Method == AssessmentMethod.LEC;
        L = input.L;
        S = lec ? null : input.S;
        E = lec ? input.E : null;
        C = lec ? input.C : null;
        Score = score;
        var banded = bands.Classify(score);
        var rule = judgement is null ? null : DirectJudgementRules.Deciding(judgement.Rules, judgement.MajorHazardLevel, banded);
        Level = rule?.Level ?? banded;
        DirectJudgementRuleId = rule?.Id;
        BandTableId = bands.Id;
        UpdatedAt = now;
        return RiskAssessment.Record(this, assessedBy, now);
    }

    /// <summary>
    /// A fact direct judgement tests changed (ADR 0033): grades the current score again under the band table it was
    /// assessed with (<paramref name="bands"/>), lifted by the rule that now matches or back to the band when none does,
    /// and returns the history row naming the rule; null when level and deciding rule stay as they are.
    /// </summary>
    public RiskAssessment? Regrade(RiskBandTable bands, DirectJudgement judgement, string assessedBy, DateTimeOffset now)
    {
        var banded = bands.Classify(Score);
        var rule = DirectJudgementRules.Deciding(judgement.Rules, judgement.MajorHazardLevel, banded);
        if ((rule?.Level ?? banded) == Level && rule?.Id == DirectJudgementRuleId)
        {
            return null;
        }

        Level = rule?.Level ?? banded;
        DirectJudgementRuleId = rule?.Id;
        UpdatedAt = now;
        return RiskAssessment.Record(this, assessedBy, now);
    }
}
