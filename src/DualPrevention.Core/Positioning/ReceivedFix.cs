namespace DualPrevention.Core.Positioning;

/// <summary>
/// One fix as a device sent it and the parser checked it (docs/positioning-ingest.md#payload): where a tag was at an
/// instant, in plan metres (<see cref="X"/>, <see cref="Y"/>, <see cref="Floor"/>) or in WGS 84 degrees
/// (<see cref="Latitude"/>, <see cref="Longitude"/>) — at least one of the two pairs.
/// </summary>
/// <param name="Index">The fix's place in its message, from 0.</param>
/// <param name="Tag">The tag's serial (<see cref="PositioningTag.Serial"/>).</param>
/// <param name="Time">UTC.</param>
/// <param name="Accuracy">Reported accuracy in metres.</param>
/// <param name="Battery">Battery level in percent.</param>
public sealed record ReceivedFix(
    int Index,
    string Tag,
    DateTimeOffset Time,
    double? X,
    double? Y,
    int? Floor,
    double? Latitude,
    double? Longitude,
    double? Accuracy,
    int? Battery,
    bool Sos,
    bool Fall);

/// <summary>A fix the parser or the tag check refused: its place in the message (null: the whole message), the field and why.</summary>
public sealed record FixRefusal(int? Index, string? Field, FixRejection Reason);

/// <summary>What one message or request carried: the fixes to keep and the refusals to count.</summary>
public sealed record FixBatch(IReadOnlyList<ReceivedFix> Fixes, IReadOnlyList<FixRefusal> Refusals)
{
    /// <summary>Whether the message as a whole was not the documented payload (not JSON, not a fix or an array, too many fixes).</summary>
    public bool Malformed => Fixes.Count == 0 && Refusals is [{ Index: null }];
}
