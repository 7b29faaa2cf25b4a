using System.Globalization;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Web.Risks;

/// <summary>How an assessment reads on screen: "L 3 × S 5 = 15" or "L 6 × E 6 × C 15 = 540" (docs/domain/dual-prevention.md#4-risk-assessment).</summary>
public static class RiskAssessmentText
{
    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";

    /// <summary>The inputs multiplied out to <paramref name="score"/>, prefixed by the method.</summary>
    public static string Formula(RiskAssessmentInput input, decimal score) => input.Method == AssessmentMethod.LEC
        ? $"LEC  D = {Number(input.L)} × {Number(input.E)} × {Number(input.C)} = {Number(score)}"
        : $"{(input.Method == AssessmentMethod.LS ? "LS" : "5×5")}  R = {Number(input.L)} × {Number(input.S)} = {Number(score)}";
}
