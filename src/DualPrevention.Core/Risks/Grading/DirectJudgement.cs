namespace DualPrevention.Core.Risks.Grading;

/// <summary>What a grading needs to apply direct judgement (ADR 0033): the region's rules in force and the event's facts they test.</summary>
/// <param name="MajorHazardLevel">The highest level of the major hazard sources linked to the event's object; null for none.</param>
public sealed record DirectJudgement(IReadOnlyList<DirectJudgementRule> Rules, MajorHazardLevel? MajorHazardLevel);
