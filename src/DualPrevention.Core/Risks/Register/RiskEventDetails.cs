namespace DualPrevention.Core.Risks.Register;

/// <summary>The editable facts of a risk event: its name, accident type and assessment inputs (docs/domain/dual-prevention.md#34-risk-event, docs/domain/dual-prevention.md#4-risk-assessment).</summary>
public sealed record RiskEventDetails(string Name, string? AccidentType, RiskAssessmentInput Assessment);
