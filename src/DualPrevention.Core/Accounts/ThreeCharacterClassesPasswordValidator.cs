using DualPrevention.Core.Localization;
using Microsoft.AspNetCore.Identity;

namespace DualPrevention.Core.Accounts;

/// <summary>
/// GB/T 22239-2019 (等保 2.0) level 3, 8.1.4.1: passwords of at least 8 characters drawn from at least 3 of the
/// classes upper-case, lower-case, digit, symbol. Identity's own options can only demand every class.
/// </summary>
public sealed class ThreeCharacterClassesPasswordValidator : IPasswordValidator<ApplicationUser>
{
    /// <summary>Minimum length in characters.</summary>
    public const int MinimumLength = 8;

    /// <summary>Maximum length in characters, so hashing cannot be made a denial of service.</summary>
    public const int MaximumLength = 128;

    /// <summary>True when the password meets the rule.</summary>
    public static bool IsStrong(string? password)
    {
        if (password is null || password.Length < MinimumLength || password.Length > MaximumLength)
        {
            return false;
        }

        var classes = 0;
        classes += password.Any(char.IsAsciiLetterUpper) ? 1 : 0;
        classes += password.Any(char.IsAsciiLetterLower) ? 1 : 0;
        classes += password.Any(char.IsAsciiDigit) ? 1 : 0;
        classes += password.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0;
        return classes >= 3;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(IsStrong(password)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordWeak", Description = CoreText.Get("Account.Password.Weak") }));
}
