namespace DualPrevention.Core.Accounts;

/// <summary>Claim types that carry a user's scope in the cookie and in bearer tokens.</summary>
public static class ScopeClaims
{
    /// <summary>The enterprise id (uuid) of an enterprise user.</summary>
    public const string EnterpriseId = "dp:enterprise_id";

    /// <summary>The six-digit region code of a regulator.</summary>
    public const string RegionCode = "dp:region_code";

    /// <summary>Display name.</summary>
    public const string DisplayName = "dp:display_name";

    /// <summary>Present with value "true" while the user must change the password.</summary>
    public const string MustChangePassword = "dp:must_change_password";
}
