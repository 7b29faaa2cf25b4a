using DualPrevention.Core.Localization;
using Microsoft.AspNetCore.Identity;

namespace DualPrevention.Core.Accounts;

/// <summary>A signed-in person replaces their password; this clears the forced change.</summary>
public static class ChangeOwnPassword
{
    public sealed record Command(string CurrentPassword, string NewPassword);

    public sealed class Handler(UserManager<ApplicationUser> users)
    {
        /// <exception cref="NotFoundException">The user no longer exists.</exception>
        /// <exception cref="DomainRuleException">Wrong current password, a weak new one, or the same one again.</exception>
        public async Task<ApplicationUser> HandleAsync(Guid userId, Command command)
        {
            var user = await users.FindByIdAsync(userId.ToString()) ?? throw new NotFoundException(CoreText.Get("Account.NotFound"));
            if (command.NewPassword == command.CurrentPassword)
            {
                throw new DomainRuleException(CoreText.Get("Account.Password.Same"));
            }

            AccountCreation.ThrowOnFailure(await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword));
            user.MustChangePassword = false;
            AccountCreation.ThrowOnFailure(await users.UpdateAsync(user));
            return user;
        }
    }
}
