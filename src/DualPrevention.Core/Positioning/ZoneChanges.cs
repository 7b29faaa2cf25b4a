using System.Collections.Concurrent;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// Tells the fence rules of this process that an enterprise's zones changed (drawn, edited, deleted, rescaled), so the
/// next fix reads them again at once (ADR 0040); a change made on another node arrives with
/// <see cref="FenceOptions.ZoneRefreshSeconds"/>.
/// </summary>
public sealed class ZoneChanges
{
    private readonly ConcurrentDictionary<Guid, long> _versions = new();

    public void Changed(Guid enterpriseId) => _versions.AddOrUpdate(enterpriseId, 1, (_, version) => version + 1);

    internal long VersionOf(Guid enterpriseId) => _versions.GetValueOrDefault(enterpriseId);
}
