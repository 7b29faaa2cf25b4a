namespace DualPrevention.Core.Enterprises;

/// <summary>What a hazardous-chemical enterprise does (生产/经营/储存/使用/加油站); several may apply.</summary>
[Flags]
public enum EnterpriseKinds
{
    None = 0,

    /// <summary>生产</summary>
    Production = 1,

    /// <summary>经营</summary>
    Trading = 2,

    /// <summary>储存</summary>
    Storage = 4,

    /// <summary>使用</summary>
    Use = 8,

    /// <summary>加油站</summary>
    GasStation = 16,
}
