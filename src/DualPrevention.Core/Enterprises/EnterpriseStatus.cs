namespace DualPrevention.Core.Enterprises;

/// <summary>Operating status of an enterprise.</summary>
public enum EnterpriseStatus
{
    /// <summary>在产/在营</summary>
    Operating = 1,

    /// <summary>停产</summary>
    Suspended = 2,

    /// <summary>关闭</summary>
    Closed = 3,
}
