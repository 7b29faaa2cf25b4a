using DualPrevention.Core.Risks;

namespace DualPrevention.Core.Imports;

/// <summary>
/// The <see cref="RiskObjectType"/> of an object first met in a workbook, which has no type column (ADR 0006):
/// a major hazard source when its name or code says 重大危险源 (not 非重大危险源) or its code is all digits — the
/// national registration system's codes are; otherwise a production unit when the name says 装置, a storage
/// facility when it says 罐区, 储罐, 库区, 仓库 or 堆场, else Other. Existing objects keep the type they have.
/// </summary>
public static class ObjectTypeRule
{
    private static readonly string[] StorageWords = ["罐区", "储罐", "库区", "仓库", "堆场", "储存"];

    public static RiskObjectType Infer(string name, string code)
    {
        if (SaysMajorHazard(name) || SaysMajorHazard(code) || (code.Length > 0 && code.All(char.IsAsciiDigit)))
        {
            return RiskObjectType.MajorHazardSource;
        }

        if (name.Contains("装置", StringComparison.Ordinal))
        {
            return RiskObjectType.ProductionUnit;
        }

        return StorageWords.Any(w => name.Contains(w, StringComparison.Ordinal)) ? RiskObjectType.StorageFacility : RiskObjectType.Other;
    }

    private static bool SaysMajorHazard(string text) =>
        text.Replace("非重大危险源", "", StringComparison.Ordinal).Contains("重大危险源", StringComparison.Ordinal);
}
