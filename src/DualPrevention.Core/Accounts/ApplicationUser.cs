using Microsoft.AspNetCore.Identity;

namespace DualPrevention.Core.Accounts;

/// <summary>
/// A person who signs in. Exactly one scope: an enterprise (<see cref="EnterpriseId"/>) or a region
/// (<see cref="ScopeRegionCode"/>, a city or the province); a check constraint enforces it.
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public Guid? EnterpriseId { get; set; }

    /// <summary>GB/T 2260 code of the city or province a regulator account covers.</summary>
    public string? ScopeRegionCode { get; set; }

    /// <summary>Set for accounts created by someone else: the first sign-in must choose a new password.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>"zh-CN" or "en-US"; the UI culture chosen by the user.</summary>
    public string PreferredCulture { get; set; } = "zh-CN";

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
