namespace DualPrevention.Core.Tenancy;

/// <summary>Whose rows a unit of work may see.</summary>
public enum TenantScopeKind
{
    /// <summary>No scope: every tenant-owned query returns no rows (fail closed).</summary>
    None = 0,

    /// <summary>One enterprise's rows only.</summary>
    Enterprise = 1,

    /// <summary>The rows of every enterprise whose region lies inside a region (city or province).</summary>
    Region = 2,

    /// <summary>Background jobs, migrations and seeding: every row.</summary>
    System = 3,
}
