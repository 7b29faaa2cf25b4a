using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 接入计数: how many fixes an enterprise's devices delivered on one Beijing day, accepted and refused by
/// <see cref="FixRejection"/>, so that nothing is dropped silently (docs/positioning-ingest.md#what-is-rejected).
/// Added to by <see cref="AcceptFixes"/> in one upsert per batch.
/// </summary>
public sealed class FixCount : ITenantOwned
{
    private FixCount()
    {
    }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>The Beijing day the fixes were received on.</summary>
    public DateOnly Day { get; private set; }

    public long Accepted { get; private set; }

    public long Malformed { get; private set; }

    public long UnknownTag { get; private set; }

    public long OtherEnterprise { get; private set; }

    public long TooFarInFuture { get; private set; }

    public long TooFarInPast { get; private set; }

    public long OutOfRange { get; private set; }

    /// <summary>UTC; when the last fix of the day, accepted or not, was received.</summary>
    public DateTimeOffset LastReceivedAt { get; private set; }

    /// <summary>How many fixes were refused for <paramref name="reason"/>.</summary>
    public long Of(FixRejection reason) => reason switch
    {
        FixRejection.Malformed => Malformed,
        FixRejection.UnknownTag => UnknownTag,
        FixRejection.OtherEnterprise => OtherEnterprise,
        FixRejection.TooFarInFuture => TooFarInFuture,
        FixRejection.TooFarInPast => TooFarInPast,
        FixRejection.OutOfRange => OutOfRange,
    };
}
