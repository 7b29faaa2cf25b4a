using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Accounts;

/// <summary>
/// Refuses common, leaked and platform passwords and passwords containing the user name or the enterprise short
/// code (<see cref="DeniedPasswords"/>), on every creation, reset and change of a password.
/// </summary>
public sealed class DeniedPasswordValidator(IDbContextFactory<DualPreventionDbContext> dbFactory) : IPasswordValidator<ApplicationUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success;
        }

        if (DeniedPasswords.IsCommon(password))
        {
            return IdentityResult.Failed(new IdentityError { Code = "PasswordCommon", Description = CoreText.Get("Account.Password.Common") });
        }

        string? shortCode = null;
        if (user.EnterpriseId is { } enterpriseId)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            shortCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.ShortCode).FirstOrDefaultAsync();
        }

        return DeniedPasswords.ContainsAny(password, user.UserName, shortCode)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsName", Description = CoreText.Get("Account.Password.ContainsName") })
            : IdentityResult.Success;
    }
}
