namespace DualPrevention.Core.Demo;

/// <summary>
/// The demo story's clock: set to the past instant of each replayed step, so the use-case handlers stamp their rows
/// (and check deadlines) as they would have then. Only the story holds one; everything else reads the real clock.
/// </summary>
internal sealed class StoryClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>UTC.</summary>
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
