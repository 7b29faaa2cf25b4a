namespace DualPrevention.Core.Positioning;

/// <summary>The kinds of people a zone admits (docs/domain/positioning.md#2-records: <c>PersonType</c>), as flags.</summary>
[Flags]
public enum PersonTypes
{
    None = 0,

    /// <summary>员工.</summary>
    Employee = 1,

    /// <summary>承包商.</summary>
    Contractor = 2,

    /// <summary>访客.</summary>
    Visitor = 4,

    /// <summary>司机.</summary>
    Driver = 8,
}
