namespace DualPrevention.Core.Positioning;

/// <summary>
/// The MQTT broker's account store, as the registry needs it: a device credential may publish into its enterprise's
/// fixes topic only (ADR 0036). The host implements it over the broker; Core never speaks MQTT.
/// </summary>
public interface IBrokerCredentials
{
    /// <summary>Creates or replaces the broker account <paramref name="username"/> for <paramref name="enterpriseId"/>.</summary>
    Task SetDeviceCredentialAsync(string username, string password, Guid enterpriseId, CancellationToken cancellationToken);

    /// <summary>Removes the broker account; nothing when it does not exist.</summary>
    Task RemoveDeviceCredentialAsync(string username, CancellationToken cancellationToken);
}
