namespace DualPrevention.Core.Positioning;

/// <summary>
/// A batch's place in the order a consumer took its batches (ADR 0038): the batch thins its fixes only once the batch
/// taken before it has (<paramref name="Previous"/>), and then lets the next one go (<paramref name="Done"/>), so
/// batches stored at once thin in take order against <see cref="TrackReferences"/>.
/// </summary>
public sealed record ThinningTurn(Task Previous, TaskCompletionSource Done)
{
    /// <summary>The turn after this one.</summary>
    public ThinningTurn Next() => new(Done.Task, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>The first turn of a consumer.</summary>
    public static ThinningTurn First() => new(Task.CompletedTask, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
