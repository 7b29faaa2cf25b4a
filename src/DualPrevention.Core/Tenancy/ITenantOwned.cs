namespace DualPrevention.Core.Tenancy;

/// <summary>
/// A row that belongs to one enterprise and its region. The DbContext gives every implementing entity the
/// named query filter "Tenant", and the migration <c>AddedRowLevelSecurity</c> pattern gives its table the
/// matching PostgreSQL policy.
/// </summary>
public interface ITenantOwned
{
    /// <summary>The owning enterprise.</summary>
    Guid EnterpriseId { get; }

    /// <summary>The owning enterprise's county code (GB/T 2260, six digits), copied so policies need no join.</summary>
    string RegionCode { get; }
}
