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

    /// <summary>
    /// Folds a committed run's corrections into the enterprise's profile: updates <paramref name="profile"/> in place, or
    /// returns a new profile for the caller to add when the enterprise has none yet; null when there is nothing to add.
    /// </summary>
    public static ImportMappingProfile? Remember(
        ImportMappingProfile? profile, IReadOnlyDictionary<string, string> corrections, Guid enterpriseId, string regionCode, ImportKind kind, DateTimeOffset now)
    {
        if (corrections.Count == 0)
        {
            return null;
        }

        var columns = new Dictionary<string, string>(profile?.Columns ?? [], StringComparer.Ordinal);
        foreach (var (header, field) in corrections)
        {
            columns[HeaderText.Normalize(header)] = field;
        }

        if (profile is null)
        {
            return Create(enterpriseId, regionCode, kind, columns, now);
        }

        if (!columns.OrderBy(c => c.Key).SequenceEqual(profile.Columns.OrderBy(c => c.Key)))
        {
            profile.Replace(columns, now);
        }

        return null;
    }

    (Guid? EnterpriseId, string? RegionCode) IAudited.AuditOwner() => (EnterpriseId, RegionCode);
}
