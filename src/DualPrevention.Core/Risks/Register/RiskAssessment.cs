namespace DualPrevention.Core.Risks.Register;

/// <summary>History of a risk event's assessments: who assessed, when (UTC), with which inputs, and the result. Append-only.</summary>
public sealed class RiskAssessment : RegisterRow
{
    public Guid EventId { get; private set; }

    public AssessmentMethod Method { get; private set; }

    public decimal? L { get; private set; }

    public decimal? S { get; private set; }

    public decimal? E { get; private set; }

    public decimal? C { get; private set; }

    public decimal Score { get; private set; }

    public RiskLevel Level { get; private set; }

    public Guid BandTableId { get; private set; }

    /// <summary>The direct-judgement rule that lifted the level (ADR 0033), or null when the band decided.</summary>
    public Guid? DirectJudgementRuleId { get; private set; }

    public string AssessedBy { get; private set; } = "";

    internal static RiskAssessment Record(RiskEvent riskEvent, string assessedBy, DateTimeOffset now)
    {
        var row = new RiskAssessment
        {
            EventId = riskEvent.Id,
            Method = riskEvent.Method,
            L = riskEvent.L,
            S = riskEvent.S,
            E = riskEvent.E,
            C = riskEvent.C,
            Score = riskEvent.Score,
            Level = riskEvent.Level,
            BandTableId = riskEvent.BandTableId,
            DirectJudgementRuleId = riskEvent.DirectJudgementRuleId,
            AssessedBy = assessedBy,
        };
        row.Own(Guid.CreateVersion7(), riskEvent.EnterpriseId, riskEvent.RegionCode, now);
        return row;
    }
}
