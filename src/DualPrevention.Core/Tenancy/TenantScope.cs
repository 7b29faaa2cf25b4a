using DualPrevention.Core.Regions;

namespace DualPrevention.Core.Tenancy;

/// <summary>
/// The tenant boundary of one unit of work plus who is acting. Enforced twice: by the EF Core query filter
/// <see cref="Data.DualPreventionDbContext.TenantFilter"/> and by PostgreSQL row-level security, both keyed
/// on <see cref="EnterpriseId"/> or the region prefix of <see cref="RegionCode"/>.
/// </summary>
public sealed record TenantScope
{
    private TenantScope(TenantScopeKind kind, Guid? enterpriseId, string? regionCode, Guid? userId, string? userName)
    {
        Kind = kind;
        EnterpriseId = enterpriseId;
        RegionCode = regionCode;
        UserId = userId;
        UserName = userName;
    }

    /// <summary>Fail-closed scope used when nobody has been identified.</summary>
    public static TenantScope None { get; } = new(TenantScopeKind.None, null, null, null, null);

    /// <summary>Scope of background jobs and start-up work; sees every row.</summary>
    public static TenantScope System { get; } = new(TenantScopeKind.System, null, null, null, "system");

    public TenantScopeKind Kind { get; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="TenantScopeKind.Enterprise"/>.</summary>
    public Guid? EnterpriseId { get; }

    /// <summary>Six-digit GB/T 2260 code, set when <see cref="Kind"/> is <see cref="TenantScopeKind.Region"/>.</summary>
    public string? RegionCode { get; }

    /// <summary>Prefix every region code inside the scope's region starts with, e.g. "3702" for 370200.</summary>
    public string? RegionPrefix => RegionCode is null ? null : RegionCodes.Prefix(RegionCode);

    public Guid? UserId { get; }

    public string? UserName { get; }

    /// <summary>An enterprise user's scope.</summary>
    public static TenantScope ForEnterprise(Guid enterpriseId, Guid? userId = null, string? userName = null) =>
        new(TenantScopeKind.Enterprise, enterpriseId, null, userId, userName);

    /// <summary>A regulator's scope over a city or the province.</summary>
    /// <exception cref="ArgumentException">The code is not six digits.</exception>
    public static TenantScope ForRegion(string regionCode, Guid? userId = null, string? userName = null)
    {
        RegionCodes.EnsureValid(regionCode);
        return new(TenantScopeKind.Region, null, regionCode, userId, userName);
    }

    /// <summary>True when a row owned by <paramref name="enterpriseId"/> in <paramref name="regionCode"/> is inside this scope.</summary>
    public bool Allows(Guid enterpriseId, string regionCode) => Kind switch
    {
        TenantScopeKind.System => true,
        TenantScopeKind.Enterprise => EnterpriseId == enterpriseId,
        TenantScopeKind.Region => regionCode.StartsWith(RegionPrefix!, StringComparison.Ordinal),
        TenantScopeKind.None => false,
    };

    /// <summary>True when a region code lies inside a region scope (or the scope is the system).</summary>
    public bool CoversRegion(string regionCode) => Kind switch
    {
        TenantScopeKind.System => true,
        TenantScopeKind.Region => regionCode.StartsWith(RegionPrefix!, StringComparison.Ordinal),
        TenantScopeKind.Enterprise or TenantScopeKind.None => false,
    };
}
