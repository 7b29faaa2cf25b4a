using DualPrevention.Core.Positioning;

namespace DualPrevention.Web.Positioning;

/// <summary>A credential just issued: the secret (shown this once) and every channel it may deliver over.</summary>
/// <param name="Topic">The positioning fixes' MQTT topic, the first channel's, as the first version of this answer gave it.</param>
/// <param name="HttpEndpoint">The positioning fixes' HTTP endpoint, likewise.</param>
/// <param name="Channels">Every MQTT topic and HTTP endpoint the credential may use: positioning fixes, video alarms, monitoring readings.</param>
public sealed record IssuedCredential(Guid Id, string Username, string Secret, string Topic, string HttpEndpoint, IReadOnlyList<DeviceChannel> Channels)
{
    public static IssuedCredential From(IssueDeviceCredential.Issued issued, Guid enterpriseId)
    {
        var channels = DeviceChannel.Of(enterpriseId);
        return new(issued.Id, issued.Username, issued.Secret, channels[0].Topic, channels[0].HttpEndpoint, channels);
    }
}
