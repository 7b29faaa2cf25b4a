namespace DualPrevention.Core.Monitoring;

/// <summary>
/// Limit evaluation of one point, reading by reading (ADR 0050). A value beyond a limit (or back within) changes the
/// confirmed band only once every reading for <see cref="Limits.DebounceSeconds"/> has stayed in the same band, so
/// noise around a limit does not alarm. An excursion episode runs from the first confirmed band beyond a limit until
/// the value is confirmed back to normal; within it, an alarm is raised when the band first becomes a limit band, and
/// again only when it gets worse (high to high-high) or crosses to the other side — never twice for the same band.
/// Readings at or before the latest one are late or repeated: they change nothing.
/// </summary>
public static class Evaluation
{
    /// <summary>A point's state as evaluation reads and writes it (the columns of <see cref="MonitoringPointState"/>).</summary>
    public sealed record State(
        double? LastValue,
        DateTimeOffset? LastReadAt,
        LimitBand Band,
        LimitBand PendingBand,
        DateTimeOffset? PendingSince,
        LimitBand AlarmedBand,
        double? StoredValue,
        DateTimeOffset? StoredAt);

    /// <summary>How readings are thinned for the history: kept when they moved by the dead band, changed band, or the last kept one is this old.</summary>
    /// <param name="DeadBandFraction">The dead band as a fraction of the point's range.</param>
    public sealed record Thinning(double DeadBandFraction, TimeSpan KeepEvery);

    /// <summary>An alarm to raise: the confirmed band and when the value entered it (the episode key).</summary>
    public sealed record Excursion(LimitBand Band, DateTimeOffset EnteredAt, DateTimeOffset ConfirmedAt, double Value);

    /// <summary>What one reading did: the new state, whether to keep the reading, and the alarm it raises, if any.</summary>
    public sealed record Step(State State, bool Keep, Excursion? Alarm, bool Late);

    public static Step Next(State state, Limits limits, Thinning thinning, DateTimeOffset at, double value)
    {
        if (state.LastReadAt is { } last && at <= last)
        {
            return new Step(state, false, null, true);
        }

        var band = limits.BandOf(value);
        var (pending, pendingSince) = band == state.PendingBand && state.PendingSince is { } since ? (band, since) : (band, at);
        var confirmed = at - pendingSince >= TimeSpan.FromSeconds(limits.DebounceSeconds) ? pending : state.Band;

        Excursion? alarm = null;
        var alarmed = state.AlarmedBand;
        if (confirmed == LimitBand.Normal)
        {
            alarmed = LimitBand.Normal;
        }
        else if (Worse(confirmed, alarmed))
        {
            alarm = new Excursion(confirmed, pendingSince, at, value);
            alarmed = confirmed;
        }

        var keep = state.StoredAt is not { } storedAt
            || state.StoredValue is not { } storedValue
            || Math.Abs(value - storedValue) >= (limits.RangeHigh - limits.RangeLow) * thinning.DeadBandFraction
            || at - storedAt >= thinning.KeepEvery
            || confirmed != state.Band
            || pending != state.PendingBand;
        var next = new State(value, at, confirmed, pending, pendingSince, alarmed,
            keep ? value : state.StoredValue, keep ? at : state.StoredAt);
        return new Step(next, keep, alarm, false);
    }

    /// <summary>Whether <paramref name="band"/> calls for an alarm when <paramref name="alarmed"/> was already raised in the episode.</summary>
    private static bool Worse(LimitBand band, LimitBand alarmed) =>
        alarmed == LimitBand.Normal || Side(band) != Side(alarmed) || Level(band) > Level(alarmed);

    private static int Side(LimitBand band) => band is LimitBand.High or LimitBand.HighHigh ? 1 : band is LimitBand.Low or LimitBand.LowLow ? -1 : 0;

    private static int Level(LimitBand band) => band is LimitBand.HighHigh or LimitBand.LowLow ? 2 : band == LimitBand.Normal ? 0 : 1;
}
