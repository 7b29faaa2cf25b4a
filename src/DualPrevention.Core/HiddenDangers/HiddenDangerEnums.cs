namespace DualPrevention.Core.HiddenDangers;

/// <summary>Internal state of a hidden danger (spec §11.2). Overdue is derived from the deadline, never stored.</summary>
public enum HiddenDangerState
{
    /// <summary>草稿: reported, not yet registered.</summary>
    Draft = 0,
}

/// <summary>隐患级别 (exchange <c>dangerLevel</c> 0/1; spec §7).</summary>
public enum HiddenDangerLevel
{
    /// <summary>一般隐患</summary>
    General = 0,

    /// <summary>重大隐患</summary>
    Major = 1,
}
