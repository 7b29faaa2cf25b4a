using System.Collections.Concurrent;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// The newest accepted fix per tag this process has stored, for the live pages to read without a query; the
/// database's <see cref="TagPosition"/> is the truth across nodes (each job node sees only its share of the messages).
/// </summary>
public sealed class LatestPositions
{
    private readonly ConcurrentDictionary<Guid, AcceptedFix> _byTag = new();

    public AcceptedFix? Of(Guid tagId) => _byTag.GetValueOrDefault(tagId);

    internal void Remember(AcceptedFix fix) =>
        _byTag.AddOrUpdate(fix.TagId, fix, (_, known) => known.Fix.Time >= fix.Fix.Time ? known : fix);
}
