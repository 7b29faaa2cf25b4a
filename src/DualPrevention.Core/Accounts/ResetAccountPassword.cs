using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Core.Accounts;

/// <summary>An account manager sets a one-time password; the person must choose a new one at next sign-in.</summary>
public static class ResetAccountPassword
{
    public sealed record Command(Guid UserId, string NewPassword);

    public sealed class Handler(IServiceScopeFactory scopes)
    {
        /// <exception cref="DomainRuleException">The account is the actor's own.</exception>
        /// <exception cref="NotFoundException">Not an account the actor manages.</exception>
        /// <exception cref="DomainRuleException">Identity refused the password.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await using var work = AccountUnitOfWork.Begin(scopes, actor.Scope);
            var user = await ManagedAccount.FindAsync(work, actor, command.UserId, cancellationToken);
            var token = await work.Users.GeneratePasswordResetTokenAsync(user);
            AccountCreation.ThrowOnFailure(await work.Users.ResetPasswordAsync(user, token, command.NewPassword));
            user.MustChangePassword = true;
            AccountCreation.ThrowOnFailure(await work.Users.UpdateAsync(user));
        }
    }
}
