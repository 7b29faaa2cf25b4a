using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Accounts;

/// <summary>
/// Finds an account the actor may manage: inside its boundary (<see cref="ListAccounts.Handler.Visible"/>) and of a
/// role it may hand out (<see cref="AccountPermissions.CanManage"/>), never the actor itself. Anything else is
/// indistinguishable from a missing account.
/// </summary>
internal static class ManagedAccount
{
    /// <exception cref="DomainRuleException">The account is the actor's own (another manager locks it or resets its password).</exception>
    /// <exception cref="NotFoundException">Not an account the actor manages.</exception>
    public static async Task<ApplicationUser> FindAsync(AccountUnitOfWork work, Actor actor, Guid userId, CancellationToken cancellationToken)
    {
        if (userId == actor.Scope.UserId)
        {
            throw new DomainRuleException(CoreText.Get("Account.NotSelf"));
        }

        var target = await ListAccounts.Handler.Visible(work.Db, actor)
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.EnterpriseId,
                u.ScopeRegionCode,
                EnterpriseRegion = work.Db.Enterprises.Where(e => e.Id == u.EnterpriseId).Select(e => e.RegionCode).FirstOrDefault(),
                Role = work.Db.UserRoles.Where(ur => ur.UserId == u.Id).Join(work.Db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (target?.Role is null || !AccountPermissions.CanManage(actor, target.Role, target.EnterpriseId, target.ScopeRegionCode, target.EnterpriseRegion))
        {
            throw new NotFoundException(CoreText.Get("Account.NotFound"));
        }

        return (await work.Users.FindByIdAsync(userId.ToString()))!;
    }
}
