using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Accounts;

/// <summary>How a person is named on what they sign: their display name, or their user name where they have none.</summary>
internal static class AccountNames
{
    /// <summary>The name of <paramref name="actor"/>'s account; its user name when the account is not found (a job, a deleted account).</summary>
    internal static async Task<string> OfAsync(DualPreventionDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        var displayName = actor.Scope.UserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        return string.IsNullOrWhiteSpace(displayName) ? actor.Scope.UserName ?? "" : displayName;
    }
}
