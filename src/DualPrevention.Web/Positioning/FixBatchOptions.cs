namespace DualPrevention.Web.Positioning;

/// <summary>
/// How much the HTTP batch endpoint takes from one device credential (section <c>Positioning:Http</c>; ADR 0039):
/// <see cref="PermitLimit"/> requests per <see cref="Window"/>, more answered 429 with Retry-After.
/// </summary>
public sealed class FixBatchOptions
{
    public const string Section = "Positioning:Http";

    /// <summary>Requests one credential may post per window: one batch a second with room for retries.</summary>
    public int PermitLimit { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
