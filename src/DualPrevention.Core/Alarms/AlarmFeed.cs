using DualPrevention.Core.Notifications;

namespace DualPrevention.Core.Alarms;

/// <summary>
/// In-process signal that an enterprise's alarms changed (raised, merged, handled), so open duty pages reload at once
/// and play their sound (ADR 0037). Singleton per server, keyed by enterprise: a change made on another node reaches
/// the page by its periodic reload instead. The subscriber lists are <see cref="NotificationHub"/>'s, keyed by the
/// enterprise's id rather than a user's.
/// </summary>
public sealed class AlarmFeed
{
    private readonly NotificationHub _subscribers = new();

    /// <summary>Calls <paramref name="onChange"/> whenever an alarm of <paramref name="enterpriseId"/> changes, until disposed.</summary>
    public IDisposable Subscribe(Guid enterpriseId, Action onChange) => _subscribers.Subscribe(enterpriseId, onChange);

    public void Signal(Guid enterpriseId) => _subscribers.Signal(enterpriseId);
}
