namespace DualPrevention.Core.Photos;

/// <summary>
/// What a photo upload may be and how many one person may hold (configuration section <c>Photos</c>): the bounds
/// keep one upload from exhausting the server's memory and one account from filling its disk (ADR 0021).
/// </summary>
public sealed class PhotoLimits
{
    public const string Section = "Photos";

    /// <summary>Longest edge of a stored photo in pixels; larger photos are scaled down. 2,560 keeps a nameplate readable.</summary>
    public int MaxEdgePixels { get; set; } = 2560;

    /// <summary>Most pixels a file may declare (width × height) before it is decoded: 50 megapixels, above any phone's default.</summary>
    public long MaxSourcePixels { get; set; } = 50_000_000;

    /// <summary>JPEG quality (1–100) of the re-encoded photo.</summary>
    public int JpegQuality { get; set; } = 85;

    /// <summary>Photos one person may hold uploaded but not yet attached to a check (an inspection takes at most a few).</summary>
    public int MaxUnattachedPerUser { get; set; } = 20;

    /// <summary>
    /// Photos one person may upload in any 24 hours on every path (inspection photos, a hidden danger's before and after
    /// photos): a busy inspector's day is a few dozen; the bound keeps one account from filling the disk (ADR 0021).
    /// </summary>
    public int MaxPerUserPerDay { get; set; } = 200;

    /// <summary>How long an unattached photo is kept before the clean-up job removes it.</summary>
    public TimeSpan UnattachedRetention { get; set; } = TimeSpan.FromDays(1);
}
