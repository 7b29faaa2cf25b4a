namespace DualPrevention.Core.Positioning;

/// <summary>Where a zone came from (docs/domain/positioning.md#2-records): drawn by hand, or generated from a permit or a major hazard source.</summary>
public enum ZoneSource
{
    /// <summary>手工绘制.</summary>
    Manual = 1,

    /// <summary>由作业票生成: a permit's work point and radius.</summary>
    Permit = 2,

    /// <summary>由重大危险源生成: the source's boundary.</summary>
    MajorHazard = 3,
}
