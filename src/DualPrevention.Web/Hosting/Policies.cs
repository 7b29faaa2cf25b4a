namespace DualPrevention.Web.Hosting;

/// <summary>Authorization policy names; each is a set of roles (see <see cref="Core.Accounts.Roles"/>).</summary>
internal static class Policies
{
    /// <summary>Platform administrators: jobs dashboard, audit trail.</summary>
    public const string Admin = "Admin";

    /// <summary>Province staff, city reviewers and administrators.</summary>
    public const string Regulator = "Regulator";

    /// <summary>Anyone who manages accounts below them.</summary>
    public const string AccountManager = "AccountManager";

    /// <summary>City reviewers, who register the enterprises of their city.</summary>
    public const string EnterpriseRegistrar = "EnterpriseRegistrar";
}
