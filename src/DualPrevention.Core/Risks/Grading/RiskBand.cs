namespace DualPrevention.Core.Risks.Grading;

/// <summary>One band of a band table: scores from <see cref="Min"/> (inclusive or not) upward get <see cref="Level"/>.</summary>
public sealed record RiskBand(RiskLevel Level, decimal Min, bool MinInclusive);
