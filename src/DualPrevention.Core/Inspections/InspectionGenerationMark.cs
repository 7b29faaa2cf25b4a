using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// How far the generation has reached for one enterprise: the windows of its unchanged definitions starting before
/// <see cref="GeneratedUntil"/> exist, so the next run computes only later ones and never re-probes the unique key
/// for a window it already made. Written in the same transaction as the windows; definitions changed since
/// <see cref="RanAt"/> are generated in full. When fewer windows of the horizon exist than <see cref="WindowsAhead"/>
/// (one was deleted by hand, a restore lost some), the mark is not trusted and the next run computes the enterprise's
/// whole horizon again, re-creating what is missing (ADR 0016).
/// </summary>
public sealed class InspectionGenerationMark : ITenantOwned
{
    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>UTC "now" of the last run.</summary>
    public DateTimeOffset RanAt { get; private set; }

    /// <summary>UTC end of the last run's horizon (<see cref="RanAt"/> + 24 h).</summary>
    public DateTimeOffset GeneratedUntil { get; private set; }

    /// <summary>The enterprise's windows starting in [<see cref="RanAt"/>, <see cref="GeneratedUntil"/>) when the run committed.</summary>
    public int WindowsAhead { get; private set; }
}
