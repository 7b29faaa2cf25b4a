using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Imports;

/// <summary>
/// An enterprise's saved correction of how its workbook headers map to register fields, reused on its next
/// import. Keys are normalised header texts; values are field names of the importer.
/// </summary>
public sealed class ImportMappingProfile : ITenantOwned, IAudited
{
    private ImportMappingProfile()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public ImportKind Kind { get; private set; }

    /// <summary>Normalised header text → field name.</summary>
    public Dictionary<string, string> Columns { get; private set; } = [];

    /// <summary>UTC.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public static ImportMappingProfile Create(Guid enterpriseId, string regionCode, ImportKind kind, IReadOnlyDictionary<string, string> columns, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EnterpriseId = enterpriseId,
        RegionCode = regionCode,
        Kind = kind,
        Columns = new Dictionary<string, string>(columns),
        UpdatedAt = now,
    };

    public void Replace(IReadOnlyDictionary<string, string> columns, DateTimeOffset now)
    {
        Columns = new Dictionary<string, string>(columns);
        UpdatedAt = now;
    }

    (Guid? EnterpriseId, string? RegionCode) IAudited.AuditOwner() => (EnterpriseId, RegionCode);
}
