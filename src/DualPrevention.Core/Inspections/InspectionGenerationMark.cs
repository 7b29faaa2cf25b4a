using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// How far the generation has reached for one enterprise: the windows of its unchanged definitions starting before
/// <see cref="GeneratedUntil"/> exist, so the next run computes only later ones and never re-probes the unique key
/// for a window it already made. Written in the same transaction as the windows; definitions changed since
/// <see cref="RanAt"/> are generated in full. Deleting any of the enterprise's windows (by hand, a repair, retiring or
/// re-planning) moves <see cref="GeneratedUntil"/> back to the world's start through a trigger on
/// <c>inspection_task</c>, so the next run computes the whole horizon and re-creates what is missing (ADR 0016).
/// </summary>
public sealed class InspectionGenerationMark : ITenantOwned
{
    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>UTC "now" of the last run.</summary>
    public DateTimeOffset RanAt { get; private set; }

    /// <summary>UTC end of the last run's horizon (<see cref="RanAt"/> + 24 h).</summary>
    public DateTimeOffset GeneratedUntil { get; private set; }
}
