using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Risks;

/// <summary>
/// What every row of the risk register and the hidden-danger ledger shares: tenancy (enterprise and its county), soft delete — mandatory for
/// the national exchange, whose receivers reject children of deleted parents — and UTC timestamps.
/// </summary>
public abstract class RegisterRow : ITenantOwned, IAudited
{
    public Guid Id { get; protected set; }

    public Guid EnterpriseId { get; protected set; }

    public string RegionCode { get; protected set; } = "";

    public bool IsDeleted { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; protected set; }

    /// <summary>UTC; drives incremental upload to the regulator.</summary>
    public DateTimeOffset UpdatedAt { get; protected set; }

    /// <summary>Marks the row deleted; it stays for history and upload.</summary>
    public void SoftDelete(DateTimeOffset now)
    {
        IsDeleted = true;
        DeletedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Brings a soft-deleted row back (a re-import of the same natural key).</summary>
    public void Restore(DateTimeOffset now)
    {
        IsDeleted = false;
        DeletedAt = null;
        UpdatedAt = now;
    }

    (Guid? EnterpriseId, string? RegionCode) IAudited.AuditOwner() => (EnterpriseId, RegionCode);

    protected void Own(Guid id, Guid enterpriseId, string regionCode, DateTimeOffset now)
    {
        Id = id;
        EnterpriseId = enterpriseId;
        RegionCode = regionCode;
        CreatedAt = now;
        UpdatedAt = now;
    }
}
