using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Core.Accounts;

/// <summary>An account manager locks an account indefinitely (a person left) or unlocks it (also ends a failed-sign-in lockout).</summary>
public static class LockAccount
{
    public sealed record Command(Guid UserId, bool Locked);

    public sealed class Handler(IServiceScopeFactory scopes)
    {
        /// <exception cref="DomainRuleException">The account is the actor's own.</exception>
        /// <exception cref="NotFoundException">Not an account the actor manages.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await using var work = AccountUnitOfWork.Begin(scopes, actor.Scope);
            var user = await ManagedAccount.FindAsync(work, actor, command.UserId, cancellationToken);
            AccountCreation.ThrowOnFailure(await work.Users.SetLockoutEndDateAsync(user, command.Locked ? WorldDates.LastInstant : null));
            if (!command.Locked)
            {
                AccountCreation.ThrowOnFailure(await work.Users.ResetAccessFailedCountAsync(user));
            }

            // A new stamp ends the person's cookies and bearer tokens at their next validation (within a minute).
            AccountCreation.ThrowOnFailure(await work.Users.UpdateSecurityStampAsync(user));
        }
    }
}
