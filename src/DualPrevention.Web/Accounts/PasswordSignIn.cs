using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Localization;
using Microsoft.AspNetCore.Identity;

namespace DualPrevention.Web.Accounts;

/// <summary>
/// Checks a user name and password for the login page and the token endpoint alike: lockout counted, every
/// attempt audited, and one message per outcome in the user's language.
/// </summary>
internal sealed class PasswordSignIn(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, RecordSignIn.Handler audit, TimeProvider clock)
{
    /// <summary>The outcome: the user when the password is right and the account usable, else the message to show.</summary>
    public sealed record Outcome(ApplicationUser? User, string? Refusal);

    public async Task<Outcome> CheckAsync(string? userName, string? password, string channel, HttpContext context)
    {
        var name = userName?.Trim() ?? "";
        var remote = context.Connection.RemoteIpAddress?.ToString();
        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        if (user is null)
        {
            await audit.HandleAsync(new RecordSignIn.Command(name, null, AuditAction.SignInFailed, channel, remote), context.RequestAborted);
            return new Outcome(null, CoreText.Get("Login.Failed"));
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await audit.HandleAsync(new RecordSignIn.Command(name, user.Id, AuditAction.SignInFailed, channel, remote), context.RequestAborted);
            return new Outcome(null, result.IsLockedOut ? LockedMessage(user) : CoreText.Get("Login.Failed"));
        }

        await audit.HandleAsync(new RecordSignIn.Command(name, user.Id, AuditAction.SignIn, channel, remote), context.RequestAborted);
        return new Outcome(user, null);
    }

    // An account locked by a manager stays locked for years; a failed-sign-in lockout lasts 15 minutes.
    private string LockedMessage(ApplicationUser user) =>
        user.LockoutEnd is { } end && end - clock.GetUtcNow() > TimeSpan.FromDays(1)
            ? CoreText.Get("Account.Locked.Indefinitely")
            : CoreText.Get("Login.LockedOut");
}
