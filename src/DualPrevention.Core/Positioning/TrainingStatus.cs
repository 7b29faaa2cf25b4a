namespace DualPrevention.Core.Positioning;

/// <summary>Whether a person has had the site safety training a tag requires (docs/domain/positioning.md#42-contractors-and-visitors).</summary>
public enum TrainingStatus
{
    /// <summary>未培训.</summary>
    NotTrained = 1,

    /// <summary>已培训.</summary>
    Trained = 2,
}
