namespace DualPrevention.Core.Risks.Register;

/// <summary>An assessment's inputs: L and S for LS and the matrix; L, E and C for LEC (docs/domain/dual-prevention.md#4-risk-assessment).</summary>
public sealed record RiskAssessmentInput(AssessmentMethod Method, decimal? L, decimal? S, decimal? E, decimal? C)
{
    /// <summary>Only the inputs the method uses, so that leftovers of another method never count as a change.</summary>
    public RiskAssessmentInput Normalized() => Method == AssessmentMethod.LEC
        ? this with { S = null }
        : this with { E = null, C = null };
}
