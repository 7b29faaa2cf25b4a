using DualPrevention.Core.Positioning;

namespace DualPrevention.Web.Positioning;

/// <summary>A credential just issued: the secret (shown this once), the MQTT topic it may publish into and the HTTP batch endpoint.</summary>
public sealed record IssuedCredential(Guid Id, string Username, string Secret, string Topic, string HttpEndpoint)
{
    public static IssuedCredential From(IssueDeviceCredential.Issued issued, Guid enterpriseId) =>
        new(issued.Id, issued.Username, issued.Secret, FixTopics.Of(enterpriseId), RegistryEndpoints.FixBatchPath);
}
