using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Imports;

/// <summary>
/// One committed import: which file (name and SHA-256), who and when (UTC), and how many rows it created,
/// updated and left unchanged. Bulk imports write their rows set-based, so this audited row stands for them in
/// the audit trail.
/// </summary>
public sealed class ImportRun : ITenantOwned, IAudited
{
    private ImportRun()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public ImportKind Kind { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of the uploaded bytes.</summary>
    public string FileSha256 { get; private set; } = "";

    public string CommittedBy { get; private set; } = "";

    /// <summary>UTC.</summary>
    public DateTimeOffset CommittedAt { get; private set; }

    public int Created { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public static ImportRun Record(
        Guid enterpriseId, string regionCode, ImportKind kind, string fileName, string fileSha256, string committedBy,
        DateTimeOffset now, int created, int updated, int unchanged) => new()
        {
            Id = Guid.CreateVersion7(),
            EnterpriseId = enterpriseId,
            RegionCode = regionCode,
            Kind = kind,
            FileName = fileName,
            FileSha256 = fileSha256,
            CommittedBy = committedBy,
            CommittedAt = now,
            Created = created,
            Updated = updated,
            Unchanged = unchanged,
        };

    (Guid? EnterpriseId, string? RegionCode) IAudited.AuditOwner() => (EnterpriseId, RegionCode);
}
