using DualPrevention.Core.Localization;
using Microsoft.AspNetCore.Identity;

namespace DualPrevention.Core.Accounts;

/// <summary>Creates one Identity account with its single role and scope; shared by every use case that adds people.</summary>
internal static class AccountCreation
{
    /// <summary>Creates the account inside the caller's transaction.</summary>
    /// <exception cref="DomainRuleException">The user name is taken or Identity refuses the password.</exception>
    public static async Task<ApplicationUser> CreateAsync(
        UserManager<ApplicationUser> users, NewAccount account, string role, Guid? enterpriseId, string? regionCode,
        bool mustChangePassword, DateTimeOffset now)
    {
        if (await users.FindByNameAsync(account.UserName) is not null)
        {
            throw new DomainRuleException(CoreText.Get("Account.UserName.Taken", account.UserName));
        }

        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = account.UserName,
            DisplayName = account.DisplayName.Trim(),
            PhoneNumber = string.IsNullOrWhiteSpace(account.PhoneNumber) ? null : account.PhoneNumber.Trim(),
            Department = string.IsNullOrWhiteSpace(account.Department) ? null : account.Department.Trim(),
            Post = string.IsNullOrWhiteSpace(account.Post) ? null : account.Post.Trim(),
            EnterpriseId = enterpriseId,
            ScopeRegionCode = enterpriseId is null ? regionCode : null,
            MustChangePassword = mustChangePassword,
            CreatedAt = now,
        };
        ThrowOnFailure(await users.CreateAsync(user, account.InitialPassword));
        ThrowOnFailure(await users.AddToRoleAsync(user, role));
        return user;
    }

    /// <exception cref="DomainRuleException">The result failed; its descriptions become the message.</exception>
    public static void ThrowOnFailure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainRuleException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
