namespace DualPrevention.Core.Imports;

/// <summary>What a workbook import brings in.</summary>
public enum ImportKind
{
    /// <summary>风险分级管控清单.</summary>
    RiskRegister = 1,

    /// <summary>隐患排查治理台账.</summary>
    HiddenDangerLedger = 2,
}
