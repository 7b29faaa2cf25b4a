using DualPrevention.Core.Auditing;
using Microsoft.AspNetCore.Identity;

namespace DualPrevention.Core.Accounts;

/// <summary>
/// A person who signs in. Exactly one scope: an enterprise (<see cref="EnterpriseId"/>) or a region
/// (<see cref="ScopeRegionCode"/>, a city or the province); a check constraint enforces it. Audited, with its
/// secrets masked (GB/T 22239-2019 level 3 security audit).
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>, IAudited
{
    public string DisplayName { get; set; } = "";

    public Guid? EnterpriseId { get; set; }

    /// <summary>GB/T 2260 code of the city or province a regulator account covers.</summary>
    public string? ScopeRegionCode { get; set; }

    /// <summary>车间/部门 the person works in, free text; groups the task board.</summary>
    public string? Department { get; set; }

    /// <summary>岗位; inspection tasks assigned to a post go to every account holding it.</summary>
    public string? Post { get; set; }

    /// <summary>Set for accounts created by someone else: the first sign-in must choose a new password.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>"zh-CN" or "en-US"; the UI culture chosen by the user.</summary>
    public string PreferredCulture { get; set; } = "zh-CN";

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    (Guid? EnterpriseId, string? RegionCode) IAudited.AuditOwner() => (EnterpriseId, ScopeRegionCode);
}
