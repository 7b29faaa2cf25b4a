namespace DualPrevention.Core.Risks;

/// <summary>The editable facts of a risk event: its name, accident type and assessment inputs (spec §5.4, §6).</summary>
public sealed record RiskEventDetails(string Name, string? AccidentType, RiskAssessmentInput Assessment);
