using DualPrevention.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace DualPrevention.Web.Hosting;

/// <summary>Authorization policies: each name and the roles (see <see cref="Roles"/>) it admits, in one place.</summary>
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

    /// <summary>Who configure group robots: enterprise administrators, city reviewers, province staff (ADR 0019).</summary>
    public const string GroupRobotManager = "GroupRobotManager";

    /// <summary>Who see persons' positions and replay their tracks: the enterprise's administrator and safety officers, never a regulator (ADR 0041).</summary>
    public const string PositionViewer = "PositionViewer";

    public static AuthorizationBuilder AddDualPreventionPolicies(this AuthorizationBuilder authorization) =>
        authorization
            .AddPolicy(Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Regulator, policy => policy.RequireRole(Roles.Admin, Roles.ProvinceStaff, Roles.CityReviewer))
            .AddPolicy(AccountManager, policy => policy.RequireRole(Roles.Admin, Roles.ProvinceStaff, Roles.CityReviewer, Roles.EnterpriseAdmin))
            .AddPolicy(EnterpriseRegistrar, policy => policy.RequireRole(Roles.CityReviewer))
            .AddPolicy(GroupRobotManager, policy => policy.RequireRole(Roles.Admin, Roles.ProvinceStaff, Roles.CityReviewer, Roles.EnterpriseAdmin))
            .AddPolicy(PositionViewer, policy => policy.RequireRole(Roles.EnterpriseAdmin, Roles.SafetyOfficer));
}
