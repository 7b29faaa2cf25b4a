namespace DualPrevention.Core.Auditing;

/// <summary>A domain row whose every insert, update and delete is written to <see cref="AuditEntry"/>.</summary>
public interface IAudited
{
    /// <summary>The enterprise and region the audit entry is filed under (its tenancy); null for reference data.</summary>
    (Guid? EnterpriseId, string? RegionCode) AuditOwner();
}
