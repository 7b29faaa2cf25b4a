namespace DualPrevention.Core.Positioning;

/// <summary>
/// Which fixes join a tag's track (ADR 0038): one that moved at least <see cref="TrackOptions.MinDistanceMetres"/>
/// from the last kept point or came <see cref="TrackOptions.MaxInterval"/> after it. A fix older than the last kept
/// point (a gateway's buffer, a message delivered again) is kept too: the track's key stores it once.
/// </summary>
public static class TrackThinning
{
    /// <summary>The last kept point of a tag.</summary>
    public sealed record Point(DateTimeOffset At, double? X, double? Y, double? Latitude, double? Longitude)
    {
        public static Point Of(ReceivedFix fix) => new(fix.Time, fix.X, fix.Y, fix.Latitude, fix.Longitude);
    }

    // Metres per degree of latitude (WGS 84 mean); a metre's threshold needs no more than the flat approximation.
    private const double MetresPerDegree = 111_320;

    /// <summary>The fixes of one tag to keep, and the newest kept point afterwards.</summary>
    public static (List<ReceivedFix> Kept, Point? Last) Thin(IEnumerable<ReceivedFix> fixes, Point? last, TrackOptions options) =>
        Thin([.. fixes], f => f, last, options);

    /// <summary>
    /// The items of one tag to keep, judged by their fixes (<paramref name="fixOf"/>), and the newest kept point
    /// afterwards; the items are taken in time order (in the order given when it is one already, as a device sends them).
    /// </summary>
    public static (List<T> Kept, Point? Last) Thin<T>(IReadOnlyList<T> items, Func<T, ReceivedFix> fixOf, Point? last, TrackOptions options)
    {
        var kept = new List<T>(items.Count);
        foreach (var item in InTimeOrder(items, fixOf))
        {
            var fix = fixOf(item);
            if (last is null || fix.Time - last.At >= options.MaxInterval || Moved(last, fix) >= options.MinDistanceMetres)
            {
                kept.Add(item);
                if (last is null || fix.Time > last.At)
                {
                    last = Point.Of(fix);
                }
            }
            else if (fix.Time < last.At)
            {
                kept.Add(item);
            }
        }

        return (kept, last);
    }

    private static IEnumerable<T> InTimeOrder<T>(IReadOnlyList<T> items, Func<T, ReceivedFix> fixOf)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (fixOf(items[i]).Time < fixOf(items[i - 1]).Time)
            {
                return items.OrderBy(item => fixOf(item).Time);
            }
        }

        return items;
    }

    private static double Moved(Point last, ReceivedFix fix)
    {
        if (last is { X: { } x, Y: { } y } && fix is { X: { } fx, Y: { } fy })
        {
            return Math.Sqrt(((fx - x) * (fx - x)) + ((fy - y) * (fy - y)));
        }

        if (last is { Latitude: { } lat, Longitude: { } lon } && fix is { Latitude: { } flat, Longitude: { } flon })
        {
            var north = (flat - lat) * MetresPerDegree;
            var east = (flon - lon) * MetresPerDegree * Math.Cos(lat * Math.PI / 180);
            return Math.Sqrt((north * north) + (east * east));
        }

        // One in plan metres, the other in degrees: no distance to compare, so keep it.
        return double.PositiveInfinity;
    }
}
