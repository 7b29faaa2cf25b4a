using DualPrevention.Core.Regions;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Accounts;

/// <summary>
/// Who may create or manage which accounts. The province (Admin, ProvinceStaff) manages city reviewers and
/// province staff; a city reviewer manages the EnterpriseAdmins of enterprises in its city; an EnterpriseAdmin
/// manages its own enterprise's staff. Only an Admin creates another Admin.
/// </summary>
public static class AccountPermissions
{
    /// <summary>
    /// True when <paramref name="actor"/> may hold power over an account of <paramref name="role"/> scoped to
    /// <paramref name="regionCode"/> (regulators) or to an enterprise located in <paramref name="enterpriseRegionCode"/>.
    /// </summary>
    public static bool CanManage(Actor actor, string role, Guid? enterpriseId, string? regionCode, string? enterpriseRegionCode)
    {
        var scope = actor.Scope;
        if (Roles.IsEnterpriseRole(role))
        {
            if (enterpriseId is null)
            {
                return false;
            }

            if (actor.Is(Roles.EnterpriseAdmin))
            {
                return scope.Kind == TenantScopeKind.Enterprise && scope.EnterpriseId == enterpriseId;
            }

            return actor.Is(Roles.CityReviewer) && role == Roles.EnterpriseAdmin
                && enterpriseRegionCode is not null && scope.CoversRegion(enterpriseRegionCode);
        }

        if (regionCode is null || !RegionCodes.IsValid(regionCode) || !(actor.Is(Roles.Admin) || actor.Is(Roles.ProvinceStaff)))
        {
            return false;
        }

        return role switch
        {
            Roles.CityReviewer => RegionCodes.LevelOf(regionCode) == RegionLevel.City && scope.CoversRegion(regionCode),
            Roles.ProvinceStaff => RegionCodes.LevelOf(regionCode) == RegionLevel.Province && scope.CoversRegion(regionCode),
            Roles.Admin => actor.Is(Roles.Admin) && RegionCodes.LevelOf(regionCode) == RegionLevel.Province && scope.CoversRegion(regionCode),
            _ => false,
        };
    }

    /// <summary>The roles <paramref name="actor"/> may hand out, for a role picker.</summary>
    public static IReadOnlyList<string> AssignableRoles(Actor actor)
    {
        if (actor.Is(Roles.Admin))
        {
            return [Roles.CityReviewer, Roles.ProvinceStaff, Roles.Admin];
        }

        if (actor.Is(Roles.ProvinceStaff))
        {
            return [Roles.CityReviewer, Roles.ProvinceStaff];
        }

        if (actor.Is(Roles.CityReviewer))
        {
            return [Roles.EnterpriseAdmin];
        }

        return actor.Is(Roles.EnterpriseAdmin) ? Roles.EnterpriseRoles : [];
    }
}
