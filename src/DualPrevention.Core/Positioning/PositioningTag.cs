using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 定位标签: a tag an enterprise owns, known to the positioning engine by its serial; fixes name it by that serial, and
/// the consumer accepts a fix only for a tag of the enterprise whose topic carried it (ADR 0036).
/// </summary>
public sealed class PositioningTag : ITenantOwned, IAudited
{
    private PositioningTag()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>The engine's identifier of the tag, unique within the enterprise.</summary>
    public string Serial { get; private set; } = "";

    public TagKind Kind { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public static PositioningTag Register(Guid enterpriseId, string regionCode, string serial, TagKind kind, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EnterpriseId = enterpriseId,
        RegionCode = regionCode,
        Serial = serial.Trim(),
        Kind = kind,
        CreatedAt = now,
    };

    public (Guid? EnterpriseId, string? RegionCode) AuditOwner() => (EnterpriseId, RegionCode);
}
