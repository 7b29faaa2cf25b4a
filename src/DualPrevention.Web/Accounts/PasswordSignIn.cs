using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Localization;
using DualPrevention.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DualPrevention.Web.Accounts;

/// <summary>
/// Checks a user name and password for the login page and the token endpoint alike: throttled per user name,
/// failures locking the name for the client that made them, every attempt audited, and the same message and the
/// same work for names that exist and names that do not (ADR 0017).
/// </summary>
internal sealed class PasswordSignIn(UserManager<ApplicationUser> users, SignInAttempts attempts, IOptions<SignInThrottleOptions> options, RecordSignIn.Handler audit, TimeProvider clock)
{
    // A hash of a random password, verified for unknown names so they cost what a known name costs.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    /// <summary>
    /// The outcome: the user when the password is right and the account usable, else the message to show, or
    /// <paramref name="RetryAfter"/> when the attempt was throttled (answer 429 through
    /// <see cref="SignInThrottleRegistration.RefuseAsThrottled"/>).
    /// </summary>
    public sealed record Outcome(ApplicationUser? User, string? Refusal, TimeSpan? RetryAfter = null);

    public async Task<Outcome> CheckAsync(string? userName, string? password, string channel, HttpContext context)
    {
        var name = userName?.Trim() ?? "";
        var client = SignInThrottleRegistration.ClientAddress(context);
        if (attempts.ThrottleUserName(name) is { } retryAfter)
        {
            if (attempts.ShouldAudit($"name:{name.ToUpperInvariant()}", options.Value.PerUserNameWindow))
            {
                await RecordAsync(name, null, AuditAction.SignInThrottled, channel, client, context);
            }

            return new Outcome(null, null, retryAfter);
        }

        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        var passwordRight = user is null ? VerifyNothing(password) : await users.CheckPasswordAsync(user, password ?? "");
        if (attempts.IsLockedOut(name, client))
        {
            await RecordAsync(name, user?.Id, AuditAction.SignInFailed, channel, client, context);
            return new Outcome(null, CoreText.Get("Login.LockedOut"));
        }

        if (!passwordRight)
        {
            await RecordAsync(name, user?.Id, AuditAction.SignInFailed, channel, client, context);
            if (!attempts.RecordFailure(name, client))
            {
                return new Outcome(null, CoreText.Get("Login.Failed"));
            }

            await RecordAsync(name, user?.Id, AuditAction.SignInLockedOut, channel, client, context);
            return new Outcome(null, CoreText.Get("Login.LockedOut"));
        }

        // Only someone who knows the password learns that a manager locked the account.
        if (await users.IsLockedOutAsync(user!))
        {
            await RecordAsync(name, user!.Id, AuditAction.SignInFailed, channel, client, context);
            return new Outcome(null, LockedMessage(user));
        }

        attempts.Forget(name, client);
        await RecordAsync(name, user!.Id, AuditAction.SignIn, channel, client, context);
        return new Outcome(user, null);
    }

    /// <summary>Verifies the password against a hash no one knows: an unknown name costs what a known one costs.</summary>
    private bool VerifyNothing(string? password)
    {
        _ = users.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), DummyHash.Value, password ?? "");
        return false;
    }

    private Task RecordAsync(string name, Guid? userId, AuditAction action, string channel, string client, HttpContext context) =>
        audit.HandleAsync(new RecordSignIn.Command(name, userId, action, channel, client), context.RequestAborted);

    // An account locked by a manager stays locked for years; a lockout shorter than a day is a past Identity lockout.
    private string LockedMessage(ApplicationUser user) =>
        user.LockoutEnd is { } end && end - clock.GetUtcNow() > TimeSpan.FromDays(1)
            ? CoreText.Get("Account.Locked.Indefinitely")
            : CoreText.Get("Login.LockedOut");
}
