using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 设备接入凭据: the MQTT and HTTP credential a positioning engine or gateway publishes fixes with, valid for one
/// enterprise only (ADR 0036). The platform keeps a hash of the secret for the HTTP batch endpoint and writes the
/// credential into the broker; the secret itself is shown once, when issued.
/// </summary>
public sealed class DeviceCredential : ITenantOwned, IAudited
{
    private DeviceCredential()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>What the enterprise calls the device: 一期UWB定位引擎.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The broker user name, unique on the platform: <c>device-</c> and the id without dashes.</summary>
    public string Username { get; private set; } = "";

    /// <summary>PBKDF2 hash of the secret (<see cref="DeviceSecrets"/>).</summary>
    public string SecretHash { get; private set; } = "";

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>UTC; a revoked credential is removed from the broker and refused by the HTTP endpoint.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    public static DeviceCredential Issue(Guid enterpriseId, string regionCode, string name, string secret, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        return new()
        {
            Id = id,
            EnterpriseId = enterpriseId,
            RegionCode = regionCode,
            Name = name.Trim(),
            Username = $"device-{id:N}",
            SecretHash = DeviceSecrets.Hash(secret),
            CreatedAt = now,
        };
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public (Guid? EnterpriseId, string? RegionCode) AuditOwner() => (EnterpriseId, RegionCode);
}
