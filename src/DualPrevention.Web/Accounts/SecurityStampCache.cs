using System.Collections.Concurrent;
using System.Security.Claims;
using DualPrevention.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DualPrevention.Web.Accounts;

/// <summary>
/// The bearer-token check of <see cref="SessionValidity"/> without a database round trip on every request: each user's
/// security stamp and lockout end are read at most every <see cref="MaxAge"/> per node. A change made on this node
/// (<see cref="StampForgettingUserManager"/>) takes effect at the next request; one made on another node within
/// <see cref="MaxAge"/> (ADR 0030).
/// </summary>
internal sealed class SecurityStampCache(TimeProvider clock)
{
    /// <summary>The longest a token whose account was locked, reset or signed out on another node stays usable.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Guid, Account> _accounts = new();

    public async Task<bool> IsCurrentAsync(UserManager<ApplicationUser> users, ClaimsPrincipal principal, string stampClaimType)
    {
        if (!Guid.TryParse(users.GetUserId(principal), out var userId))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (!_accounts.TryGetValue(userId, out var account) || now - account.ReadAt >= MaxAge)
        {
            var user = await users.FindByIdAsync(userId.ToString());
            account = new Account(user?.SecurityStamp, user is { LockoutEnabled: true } ? user.LockoutEnd : null, user is not null, now);
            ForgetExpired(now);
            _accounts[userId] = account;
        }

        return account.Exists
            && (account.LockoutEnd is null || account.LockoutEnd <= now)
            && (!users.SupportsUserSecurityStamp || principal.FindFirstValue(stampClaimType) == account.Stamp);
    }

    /// <summary>Called after this node saved a change to the user: the next request reads the account again.</summary>
    public void Forget(Guid userId) => _accounts.TryRemove(userId, out _);

    /// <summary>Keeps the cache to the users seen in the last <see cref="MaxAge"/> once it outgrows a shift's worth.</summary>
    private void ForgetExpired(DateTimeOffset now)
    {
        if (_accounts.Count < 10_000)
        {
            return;
        }

        foreach (var (userId, account) in _accounts)
        {
            if (now - account.ReadAt >= MaxAge)
            {
                _accounts.TryRemove(new KeyValuePair<Guid, Account>(userId, account));
            }
        }
    }

    private sealed record Account(string? Stamp, DateTimeOffset? LockoutEnd, bool Exists, DateTimeOffset ReadAt);
}
