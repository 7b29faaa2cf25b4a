using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Accounts;

/// <summary>Finds an account inside the actor's management boundary (<see cref="ListAccounts.Handler.Visible"/>).</summary>
internal static class ManagedAccount
{
    /// <exception cref="NotFoundException">Not an account the actor manages.</exception>
    public static async Task<ApplicationUser> FindAsync(AccountUnitOfWork work, Actor actor, Guid userId, CancellationToken cancellationToken)
    {
        var visible = await ListAccounts.Handler.Visible(work.Db, actor).AnyAsync(u => u.Id == userId, cancellationToken);
        return visible ? (await work.Users.FindByIdAsync(userId.ToString()))! : throw new NotFoundException(CoreText.Get("Account.NotFound"));
    }
}
