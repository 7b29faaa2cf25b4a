using System.Collections.Concurrent;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// The last kept point per tag as this process thinned it (ADR 0038), so that a batch thinned while the batch before
/// it is still being committed thins against that batch's points rather than the committed, older reference. The
/// database's <see cref="TagPosition"/> reference stays the truth across nodes: the newer of the two is used. A batch
/// that fails takes back the points it set, so the messages delivered again are thinned as the first time.
/// </summary>
public sealed class TrackReferences
{
    private readonly ConcurrentDictionary<Guid, TrackThinning.Point> _byTag = new();

    /// <summary>The newer of this process's reference for <paramref name="tagId"/> and <paramref name="stored"/>.</summary>
    internal TrackThinning.Point? Newest(Guid tagId, TrackThinning.Point? stored) =>
        _byTag.TryGetValue(tagId, out var kept) && (stored is null || kept.At > stored.At) ? kept : stored;

    internal void Set(Guid tagId, TrackThinning.Point point) =>
        _byTag.AddOrUpdate(tagId, point, (_, known) => known.At >= point.At ? known : point);

    /// <summary>Takes back <paramref name="point"/> for <paramref name="tagId"/> unless a later batch has moved it since.</summary>
    internal void Forget(Guid tagId, TrackThinning.Point point) =>
        _byTag.TryRemove(new KeyValuePair<Guid, TrackThinning.Point>(tagId, point));
}
