namespace DualPrevention.Core.Auditing;

/// <summary>What happened to the audited row.</summary>
public enum AuditAction
{
    Insert = 1,
    Update = 2,
    Delete = 3,
}
