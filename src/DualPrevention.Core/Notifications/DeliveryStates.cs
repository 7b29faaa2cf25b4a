using DualPrevention.Core.Data;
using static DualPrevention.Core.Notifications.DeliveryStatus;

namespace DualPrevention.Core.Notifications;

/// <summary>What the states of an outbound delivery count as, defined once for the job's statement and its index.</summary>
public static class DeliveryStates
{
    /// <summary>Still to send: new, or failed and waiting for its next attempt (<see cref="NotificationDelivery.NextAttemptAt"/>).</summary>
    public static readonly StateSet<DeliveryStatus> Pending = new(
        [DeliveryStatus.Pending],
        [Delivered, Failed]);
}
