using DualPrevention.Core.Notifications;

namespace DualPrevention.Core.Alarms;

/// <summary>
/// Signal that an enterprise's alarms changed (raised, merged, handled), so open duty pages reload at once and play their
/// sound (ADR 0037). Singleton per server, keyed by enterprise. A change made here reaches this node's pages directly and
/// the other nodes' through <see cref="Signalled"/>, which the web host's backplane relays over PostgreSQL (ADR 0043);
/// a change relayed from another node reaches this node's pages only. The subscriber lists are
/// <see cref="NotificationHub"/>'s, keyed by the enterprise's id rather than a user's.
/// </summary>
public sealed class AlarmFeed
{
    private readonly NotificationHub _subscribers = new();

    /// <summary>Raised for every change made on this node, for the backplane to tell the other nodes.</summary>
    public event Action<Guid>? Signalled;

    /// <summary>Calls <paramref name="onChange"/> whenever an alarm of <paramref name="enterpriseId"/> changes, until disposed.</summary>
    public IDisposable Subscribe(Guid enterpriseId, Action onChange) => _subscribers.Subscribe(enterpriseId, onChange);

    /// <summary>An alarm of <paramref name="enterpriseId"/> changed on this node.</summary>
    public void Signal(Guid enterpriseId)
    {
        _subscribers.Signal(enterpriseId);
        Signalled?.Invoke(enterpriseId);
    }

    /// <summary>An alarm of <paramref name="enterpriseId"/> changed on another node: this node's pages reload, nothing is relayed on.</summary>
    public void SignalFromOtherNode(Guid enterpriseId) => _subscribers.Signal(enterpriseId);
}
