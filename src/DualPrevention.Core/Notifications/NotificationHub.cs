using System.Collections.Concurrent;

namespace DualPrevention.Core.Notifications;

/// <summary>
/// In-process signal that a user's inbox changed (new notifications, read marks), so open app bars re-count
/// at once without a refresh. Singleton per server: a change made on another node is picked up by the bell's
/// periodic re-count instead.
/// </summary>
public sealed class NotificationHub
{
    private readonly ConcurrentDictionary<Guid, ImmutableSubscribers> _subscribers = new();

    /// <summary>Calls <paramref name="onChange"/> whenever the inbox of <paramref name="userId"/> changes, until disposed.</summary>
    public IDisposable Subscribe(Guid userId, Action onChange)
    {
        _subscribers.AddOrUpdate(userId, _ => new([onChange]), (_, list) => new([.. list.Handlers, onChange]));
        return new Subscription(this, userId, onChange);
    }

    /// <summary>Tells the subscribers of <paramref name="userId"/> that their inbox changed.</summary>
    public void Signal(Guid userId)
    {
        if (_subscribers.TryGetValue(userId, out var list))
        {
            foreach (var handler in list.Handlers)
            {
                handler();
            }
        }
    }

    private void Unsubscribe(Guid userId, Action onChange)
    {
        while (_subscribers.TryGetValue(userId, out var list))
        {
            var remaining = list.Handlers.Where(h => h != onChange).ToArray();
            var updated = remaining.Length == 0
                ? _subscribers.TryRemove(new KeyValuePair<Guid, ImmutableSubscribers>(userId, list))
                : _subscribers.TryUpdate(userId, new(remaining), list);
            if (updated)
            {
                return;
            }
        }
    }

    private sealed record ImmutableSubscribers(Action[] Handlers);

    private sealed class Subscription(NotificationHub hub, Guid userId, Action onChange) : IDisposable
    {
        public void Dispose() => hub.Unsubscribe(userId, onChange);
    }
}
