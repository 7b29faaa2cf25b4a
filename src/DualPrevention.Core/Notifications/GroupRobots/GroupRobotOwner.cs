using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// Who configures group robots and which ones (ADR 0019): an enterprise's administrators its own; a city's reviewers
/// their city's; the province's staff (and platform administrators) the province's. Each sees and posts through its
/// own robots only — a province does not manage a city's, nor a city the robots of its enterprises — on top of the
/// tenant filter and row-level security that keep everyone else's out.
/// </summary>
public static class GroupRobotOwner
{
    /// <summary>The owner a new robot of <paramref name="actor"/> gets: enterprise and county, or none and the bureau's code.</summary>
    /// <exception cref="DomainRuleException">The actor manages no robots.</exception>
    public static async Task<(Guid? EnterpriseId, string RegionCode)> OfAsync(DualPreventionDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        EnsureManager(actor);
        if (actor.Scope.EnterpriseId is { } enterpriseId)
        {
            var region = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).FirstOrDefaultAsync(cancellationToken)
                ?? throw new ForbiddenException(CoreText.Get("GroupRobot.NotAllowed"));
            return (enterpriseId, region);
        }

        return (null, actor.Scope.RegionCode!);
    }

    /// <summary>True when <paramref name="actor"/> may configure robots: see the class summary.</summary>
    public static bool IsManager(Actor actor) => actor.Scope switch
    {
        { Kind: TenantScopeKind.Enterprise } => actor.Is(Roles.EnterpriseAdmin),
        { Kind: TenantScopeKind.Region, RegionCode: { } code } when code.EndsWith("0000", StringComparison.Ordinal) =>
            actor.Is(Roles.ProvinceStaff) || actor.Is(Roles.Admin),
        { Kind: TenantScopeKind.Region, RegionCode: { } code } when code.EndsWith("00", StringComparison.Ordinal) => actor.Is(Roles.CityReviewer),
        _ => false,
    };

    /// <exception cref="DomainRuleException">The actor manages no robots.</exception>
    public static void EnsureManager(Actor actor)
    {
        if (!IsManager(actor))
        {
            throw new ForbiddenException(CoreText.Get("GroupRobot.NotAllowed"));
        }
    }

    /// <summary>The robots <paramref name="actor"/> owns (none for anyone else).</summary>
    public static IQueryable<GroupRobot> Owned(DualPreventionDbContext db, Actor actor)
    {
        var enterpriseId = actor.Scope.EnterpriseId;
        var regionCode = actor.Scope.RegionCode;
        return !IsManager(actor)
            ? db.Set<GroupRobot>().Where(r => false)
            : enterpriseId is not null
                ? db.Set<GroupRobot>().Where(r => r.EnterpriseId == enterpriseId)
                : db.Set<GroupRobot>().Where(r => r.EnterpriseId == null && r.RegionCode == regionCode);
    }

    /// <summary>The robot <paramref name="id"/> if <paramref name="actor"/> owns it, tracked.</summary>
    /// <exception cref="NotFoundException">No such robot, or another owner's.</exception>
    public static async Task<GroupRobot> FindAsync(DualPreventionDbContext db, Actor actor, Guid id, CancellationToken cancellationToken) =>
        await Owned(db, actor).FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException(CoreText.Get("GroupRobot.NotFound"));
}
