namespace DualPrevention.Core.Tenancy;

/// <summary>
/// A row that belongs to one enterprise and its region. The DbContext gives every implementing entity the
/// named query filter "Tenant", and its table's migration creates the matching PostgreSQL policy as literal SQL,
/// copied from the baseline migration (ADR 0012).
/// </summary>
public interface ITenantOwned
{
    /// <summary>The owning enterprise.</summary>
    Guid EnterpriseId { get; }

    /// <summary>The owning enterprise's county code (GB/T 2260, six digits), copied so policies need no join.</summary>
    string RegionCode { get; }
}
