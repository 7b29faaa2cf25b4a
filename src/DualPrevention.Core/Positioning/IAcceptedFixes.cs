namespace DualPrevention.Core.Positioning;

/// <summary>
/// What runs on every batch of accepted fixes once they are stored: the seam of the fence rules (docs/domain/positioning.md#3-alarm-types,
/// <see cref="FenceRules"/>, ADR 0040). An implementation must be
/// quick and must not throw for a single fix: the batch is acknowledged to the broker only after it returns.
/// </summary>
public interface IAcceptedFixes
{
    Task OnAcceptedAsync(IReadOnlyList<AcceptedFix> fixes, CancellationToken cancellationToken);
}

/// <summary>A stored fix with the tag, enterprise and person it was resolved to.</summary>
public sealed record AcceptedFix(Guid EnterpriseId, Guid TagId, Guid? PersonId, ReceivedFix Fix);
