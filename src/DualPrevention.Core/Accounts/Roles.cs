namespace DualPrevention.Core.Accounts;

/// <summary>The platform's roles. Each implies the kind of scope its holder has.</summary>
public static class Roles
{
    /// <summary>Platform administrator, province scope: jobs dashboard, audit trail, everything ProvinceStaff does.</summary>
    public const string Admin = "Admin";

    /// <summary>省应急管理厅 staff, province scope.</summary>
    public const string ProvinceStaff = "ProvinceStaff";

    /// <summary>市应急管理局 reviewer, city scope.</summary>
    public const string CityReviewer = "CityReviewer";

    /// <summary>An enterprise's administrator, enterprise scope.</summary>
    public const string EnterpriseAdmin = "EnterpriseAdmin";

    /// <summary>An enterprise's safety officer (安全管理员), enterprise scope.</summary>
    public const string SafetyOfficer = "SafetyOfficer";

    /// <summary>An enterprise's inspector (排查人员), enterprise scope.</summary>
    public const string Inspector = "Inspector";

    public static IReadOnlyList<string> All { get; } = [Admin, ProvinceStaff, CityReviewer, EnterpriseAdmin, SafetyOfficer, Inspector];

    public static IReadOnlyList<string> EnterpriseRoles { get; } = [EnterpriseAdmin, SafetyOfficer, Inspector];

    /// <summary>True for roles held inside an enterprise.</summary>
    public static bool IsEnterpriseRole(string role) => EnterpriseRoles.Contains(role);
}
